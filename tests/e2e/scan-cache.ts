import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/**
 * The page states axe has passed in this e2e run, so that a state seen again (the login page before every login, a
 * home page after it) is not scanned again: axe's verdict depends only on the document, its stylesheets (one build
 * per run) and the viewport. The key leaves out what axe does not judge and what differs at every request: the
 * contents of scripts (the loader data), nonces, and the values of hidden inputs (the CSRF token). Any other
 * difference, however small, is a new state and is scanned.
 *
 * The test files run in workers of their own; they share the states through a directory the global setup makes.
 */
export class ScanCache {
  constructor(private readonly dir: string) {}

  key(html: string, viewport: { width: number; height: number } | null, how: 'live' | 'snapshot') {
    const judged = html
      .replace(/<script\b([^>]*)>[\s\S]*?<\/script>/gi, '<script$1></script>')
      .replace(/\snonce="[^"]*"/gi, '')
      .replace(/<input\b[^>]*\btype="hidden"[^>]*>/gi, (input) => input.replace(/\svalue="[^"]*"/i, ''))
    return createHash('sha256')
      .update(`${how} ${viewport?.width}x${viewport?.height}\n${judged}`)
      .digest('hex')
  }

  has(key: string) {
    return fs.existsSync(path.join(this.dir, key))
  }

  add(key: string) {
    fs.writeFileSync(path.join(this.dir, key), '')
  }
}
