import { HONEYPOT_STAMP, HONEYPOT_TRAP } from '../../app/components/honeypot-fields'
import { issueStamp, MIN_FILL_MS } from '../../app/utils/honeypot.server'

/**
 * The honeypot's fields as a person's browser sends them: the trap empty, and the stamp of a page that was shown
 * a moment ago (a test posts at once, faster than the honeypot lets anyone).
 */
export async function personsHoneypot(): Promise<Record<string, string>> {
  return { [HONEYPOT_TRAP]: '', [HONEYPOT_STAMP]: await issueStamp(Date.now() - 2 * MIN_FILL_MS) }
}
