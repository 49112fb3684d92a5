const SAME_ORIGIN = new URL('http://stapsteen.invalid')
// Browsers drop tabs and newlines from a URL and read a backslash as a slash, so `/<TAB>/evil.example` and
// `/\evil.example` both become `//evil.example`: another site. Such characters never occur in our own paths.
const UNSAFE_CHARACTER = /[\u0000-\u001f\u007f\\]/

/**
 * Only same-site paths are followed after login, so a crafted link cannot send someone elsewhere: the value must
 * start with one slash, hold no control character or backslash, and stay on this site when a browser's URL
 * parser (WHATWG URL) resolves it — also after dot segments are resolved (`/.//evil.example` is `//evil.example`,
 * which a client-side router could hand to the browser as a protocol-relative address).
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = '/') {
  if (typeof to !== 'string' || !to.startsWith('/') || UNSAFE_CHARACTER.test(to)) return fallback
  let resolved: URL
  try {
    resolved = new URL(to, SAME_ORIGIN)
  } catch {
    return fallback
  }
  if (resolved.origin !== SAME_ORIGIN.origin || resolved.pathname.startsWith('//')) return fallback
  return to
}
