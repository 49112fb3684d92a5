import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { safeRedirect } from '#app/utils/redirect'

describe('safeRedirect', () => {
  it.each(['//evil.example', '//evil.example/werkgever', 'https://evil.example', 'http://evil.example/', '/\\evil', '/\\/evil.example', 'javascript:alert(1)', 'werkgever', ''])(
    'refuses %j and falls back',
    (to) => {
      expect(safeRedirect(to)).toBe('/')
      expect(safeRedirect(to, '/admin')).toBe('/admin')
    },
  )

  // Issue 11 finding 6: a browser drops the tab and went to evil.example after login.
  it.each(['/\t/evil.example', '/\n/evil.example', '/\r\n/evil.example', '/\t\\evil.example', '/.//evil.example', '/x/..//evil.example', '/werkgever\u0000', '/werkgever\u007f', '/werkgever\\x'])(
    'refuses %j: a control character, a backslash, or a protocol-relative path once resolved',
    (to) => {
      expect(safeRedirect(to, '/begeleider')).toBe('/begeleider')
    },
  )

  it.each([null, undefined, 42, {}, new File(['x'], 'x.txt')])('refuses the non-string %j', (to) => {
    expect(safeRedirect(to as never, '/begeleider')).toBe('/begeleider')
  })

  it.each(['/werkgever?x=1', '/', '/admin/gebruikers#lijst', '/zoek?q=//niet-gevaarlijk', '/zoek?q=a%09b'])('keeps the same-site path %j', (to) => {
    expect(safeRedirect(to, '/fallback')).toBe(to)
  })

  // Pieces that parsers treat specially: slashes and backslashes (also encoded), dot segments, whitespace a
  // browser strips, schemes, userinfo, and full-width or ideographic look-alikes of "/" and ".".
  const piece = fc.oneof(
    fc.constantFrom('/', '//', '\\', '.', '..', '%2e', '%2E', '%2f', '%5c', '%09', '\t', '\n', '\r', ' ', '\u0000', '\u007f', '\u00a0', '\uff0f', '\u3002', '\ufe68'),
    fc.constantFrom(':', '@', '?', '#', 'evil.example', 'http:', 'https:', 'javascript:', 'werkgever', 'x'),
    fc.string({ unit: 'binary', maxLength: 3 }),
  )
  const joined = fc.array(piece, { maxLength: 8 }).map((pieces) => pieces.join(''))
  // Mostly values that start with a slash, as an attacker's do: those are the ones that must be judged.
  const candidate = fc.oneof({ arbitrary: joined.map((rest) => `/${rest}`), weight: 4 }, joined, fc.string({ unit: 'binary' }))
  const PAGE = 'https://stapsteen.example/inloggen?redirectTo=x'
  const ORIGIN = new URL(PAGE).origin

  it('accepts nothing that a browser would resolve to another origin, directly or once a router re-resolves its path', () => {
    let accepted = 0
    fc.assert(
      fc.property(candidate, (to) => {
        const kept = safeRedirect(to, '/fallback')
        expect(kept === to || kept === '/fallback').toBe(true)
        if (kept === '/fallback') return
        accepted += 1
        expect(kept).toMatch(/^\/[^\\\u0000-\u001f\u007f]*$/)
        // What the browser does with the Location header.
        const resolved = new URL(kept, PAGE)
        expect(resolved.origin).toBe(ORIGIN)
        // What a client-side router does next: navigate to pathname + search + hash of that URL.
        expect(new URL(resolved.pathname + resolved.search + resolved.hash, PAGE).origin).toBe(ORIGIN)
      }),
      { numRuns: 20_000 },
    )
    // The property says something only if many candidates were accepted.
    expect(accepted).toBeGreaterThan(2_000)
  })
})
