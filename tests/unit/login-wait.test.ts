import { describe, expect, it } from 'vitest'
import { waitInDutch } from '#app/auth/login-throttle.server'

describe('waitInDutch', () => {
  it.each([
    [1, '1 seconde'],
    [30, '30 seconden'],
    [59, '59 seconden'],
    [60, '1 minuut'],
    // Rounded up: a person who comes back when told is never refused again.
    [61, '2 minuten'],
    [900, '15 minuten'],
  ])('says %i seconds as "%s"', (seconds, text) => {
    expect(waitInDutch(seconds)).toBe(text)
  })
})
