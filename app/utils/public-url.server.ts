import { env } from '#core/env'

/**
 * The portal's address for links in mails, posters and structured data: PUBLIC_URL, else this process on this
 * machine (a portal without PUBLIC_URL is not public, issue 10). Never taken from a request: its Host and
 * X-Forwarded-Host are the sender's to choose, and a reset link to the sender's host hands them the token.
 */
export function publicBaseUrl(): string {
  const { PUBLIC_URL, PORT } = env()
  return PUBLIC_URL ? new URL(PUBLIC_URL).origin : `http://localhost:${PORT}`
}
