import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isApiPath, normalPath } from '#server/request-path'

/** The path Remix routes on: a browser's URL parser, then each segment percent-decoded (react-router's decodePath). */
const remixPath = (target: string) =>
  new URL(target, 'http://x.invalid').pathname
    .split('/')
    .map((segment) => decodeURIComponent(segment).replace(/\//g, '%2F'))
    .join('/')

describe('normalPath', () => {
  it.each([
    ['/api/%2e%2e/wachtwoord-vergeten', 'an encoded dot segment (issue 11 finding 1)'],
    ['/api/%2E%2E/wachtwoord-vergeten', 'an encoded dot segment in capitals'],
    ['/api/../wachtwoord-vergeten', 'a dot segment'],
    ['/api/./v1/match', 'a single-dot segment'],
    ['/api/.%2e/wachtwoord-vergeten', 'a half-encoded dot segment'],
    ['/api/v1/..', 'a trailing dot segment'],
    ['//wachtwoord-vergeten', 'a repeated slash'],
    ['/api//v1/match', 'a repeated slash inside'],
    ['/api\\..\\wachtwoord-vergeten', 'backslashes'],
    ['/api%2f..%2fwachtwoord-vergeten', 'an encoded slash'],
    ['/api%5c..%5cwachtwoord-vergeten', 'an encoded backslash'],
    ['/%61pi/v1/match', 'an encoded letter (Remix routes it to /api/v1/match)'],
    ['/wachtwoord%2Dvergeten', 'an encoded hyphen'],
    ['/a b', 'a space'],
    ['/a%zz', 'a broken percent escape'],
    ['/a%', 'a lone percent sign'],
    ['/a%ff', 'an escape that is no UTF-8'],
    ['http://localhost/wachtwoord-vergeten', 'the absolute form'],
    ['*', 'the asterisk form'],
    ['', 'nothing'],
  ])('refuses %j: %s', (target) => {
    expect(normalPath(target)).toBeNull()
  })

  it.each([
    ['/', '/'],
    ['/wachtwoord-vergeten', '/wachtwoord-vergeten'],
    ['/api/v1/placements/search?q=../..&x=%2e%2e//', '/api/v1/placements/search'],
    ['/aanmelden/status/AbC_d-9', '/aanmelden/status/AbC_d-9'],
    ['/plaatsen/caf%C3%A9', '/plaatsen/caf%C3%A9'],
    ['/zoek/a%20b', '/zoek/a%20b'],
    ['/werkgever/importeren/', '/werkgever/importeren/'],
  ])('keeps %j as %j', (target, path) => {
    expect(normalPath(target)).toBe(path)
  })

  // Pieces that parsers normalise: dots, slashes, backslashes and their escapes, escapes of plain letters.
  const piece = fc.constantFrom('/', '.', '..', '%2e', '%2E', '%2f', '%5c', '\\', 'api', 'API', '%61', 'pi', 'v1', 'match', 'wachtwoord-vergeten', '%20', '%C3%A9', '%', '?', '#', ';', 'x')
  const target = fc.array(piece, { minLength: 1, maxLength: 10 }).map((pieces) => `/${pieces.join('')}`)

  it('accepts only paths that Remix routes exactly as written: the API checks and Remix agree on every one', () => {
    let accepted = 0
    fc.assert(
      fc.property(target, (raw) => {
        const path = normalPath(raw)
        if (path === null) return
        accepted += 1
        expect(remixPath(raw)).toBe(decodeURIComponent(path))
        expect(isApiPath(path)).toBe(isApiPath(remixPath(raw)))
        expect(remixPath(raw).split('/').some((segment) => segment === '.' || segment === '..')).toBe(false)
      }),
      { numRuns: 20_000 },
    )
    expect(accepted).toBeGreaterThan(2_000)
  })
})

describe('isApiPath', () => {
  it('matches as Remix matches routes: without regard to case', () => {
    expect(isApiPath('/api/v1/match')).toBe(true)
    expect(isApiPath('/API/v1/match')).toBe(true)
    expect(isApiPath('/apiv1/match')).toBe(false)
    expect(isApiPath('/werkgever/api/x')).toBe(false)
  })
})
