// negotiator ships no types; this is the one call we use (https://github.com/jshttp/negotiator#accept-language).
declare module 'negotiator' {
  export default class Negotiator {
    constructor(request: { headers: Record<string, string | undefined> })
    /** The available languages the request accepts, best first. */
    languages(available?: string[]): string[]
  }
}
