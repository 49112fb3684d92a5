import { intakeLanguages } from './values'

/** The languages of the public intake form, each named in itself so a person finds their own. */
export type IntakeLanguage = (typeof intakeLanguages)[number]

export const languageNames: Record<IntakeLanguage, string> = {
  nl: 'Nederlands',
  en: 'English',
  fr: 'Français',
  ar: 'العربية',
  tr: 'Türkçe',
  uk: 'Українська',
}

export const isIntakeLanguage = (value: unknown): value is IntakeLanguage =>
  typeof value === 'string' && (intakeLanguages as readonly string[]).includes(value)

export const textDirection = (language: IntakeLanguage) => (language === 'ar' ? 'rtl' : 'ltr')

// Belgian conventions where Intl has them; Arabic with Western digits, like the reference codes and phone numbers.
const dateLocales: Record<IntakeLanguage, string> = {
  nl: 'nl-BE',
  en: 'en-BE',
  fr: 'fr-BE',
  ar: 'ar-u-nu-latn',
  tr: 'tr-TR',
  uk: 'uk-UA',
}

/** "maandag 7 december 2026" for an ISO date (YYYY-MM-DD) or a moment, in Belgian time. */
export function formatIntakeDate(value: string | Date, language: IntakeLanguage) {
  const date = typeof value === 'string' ? new Date(`${value}T12:00:00Z`) : value
  return new Intl.DateTimeFormat(dateLocales[language], { dateStyle: 'full', timeZone: 'Europe/Brussels' }).format(date)
}

/** The address of a page of the form in a language: every intake address carries ?lng=, so html lang/dir follow. */
export function intakePath(path: string, language: IntakeLanguage, extra: Record<string, string> = {}) {
  const params = new URLSearchParams({ lng: language, ...extra })
  return `/aanmelden${path ? `/${path}` : ''}?${params.toString()}`
}
