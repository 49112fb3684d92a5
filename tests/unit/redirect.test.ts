import { describe, expect, it } from 'vitest'
import { safeRedirect } from '~/utils/redirect'

describe('safeRedirect', () => {
  it.each(['//evil.example', '//evil.example/werkgever', 'https://evil.example', 'http://evil.example/', '/\\evil', '/\\/evil.example', 'javascript:alert(1)', 'werkgever', ''])(
    'refuses %j and falls back',
    (to) => {
      expect(safeRedirect(to)).toBe('/')
      expect(safeRedirect(to, '/admin')).toBe('/admin')
    },
  )

  it.each([null, undefined, 42, {}, new File(['x'], 'x.txt')])('refuses the non-string %j', (to) => {
    expect(safeRedirect(to as never, '/begeleider')).toBe('/begeleider')
  })

  it.each(['/werkgever?x=1', '/', '/admin/gebruikers#lijst', '/zoek?q=//niet-gevaarlijk'])('keeps the same-site path %j', (to) => {
    expect(safeRedirect(to, '/fallback')).toBe(to)
  })
})
