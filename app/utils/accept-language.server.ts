import Negotiator from 'negotiator'

/**
 * The language of `available` the browser prefers (Accept-Language, q-values honoured, q=0 refused), or
 * undefined when it accepts none of them. Negotiator (jshttp, Express's own) rather than remix-i18next's header
 * detection: that one looks only at the browser's first language it knows, so "de, fr;q=0.9" gave Dutch.
 */
export function acceptedLanguage<T extends string>(request: Request, available: readonly T[]): T | undefined {
  const header = request.headers.get('Accept-Language')
  if (!header) return undefined
  const [best] = new Negotiator({ headers: { 'accept-language': header } }).languages([...available])
  return available.find((language) => language === best)
}
