/**
 * Belgian enterprise numbers (KBO/BCE): 10 digits, the first 0 or 1, the last two = 97 − (first 8 mod 97).
 * Written 0xxx.xxx.xxx; people also type spaces, dots or "BE".
 */
export type KboCheck = { ok: true; value: string } | { ok: false; reason: string }

export function normaliseKbo(input: string): string {
  return input.replace(/^\s*BE/i, '').replace(/[\s.\-]/g, '')
}

export function checkKbo(input: string): KboCheck {
  const digits = normaliseKbo(input)
  if (!/^\d+$/.test(digits)) return { ok: false, reason: 'Een ondernemingsnummer bestaat alleen uit cijfers, bv. 0123.456.749.' }
  if (digits.length !== 10) return { ok: false, reason: `Een ondernemingsnummer heeft 10 cijfers; dit heeft er ${digits.length}.` }
  if (digits[0] !== '0' && digits[0] !== '1') return { ok: false, reason: 'Een ondernemingsnummer begint met 0 of 1.' }
  const expected = 97 - (Number(digits.slice(0, 8)) % 97)
  if (Number(digits.slice(8)) !== expected) {
    return { ok: false, reason: 'Dit ondernemingsnummer klopt niet (de controlecijfers passen niet). Kijk het na in de KBO.' }
  }
  return { ok: true, value: formatKbo(digits) }
}

export const formatKbo = (digits: string) => `${digits.slice(0, 4)}.${digits.slice(4, 7)}.${digits.slice(7, 10)}`
