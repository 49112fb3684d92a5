/**
 * i18next settings shared by server and browser. Dutch first; a language is added by adding
 * public/locales/<code>/*.json and its code here.
 */
export const i18nConfig = {
  supportedLngs: ['nl'],
  fallbackLng: 'nl',
  defaultNS: 'common',
  // React already escapes what it renders.
  interpolation: { escapeValue: false },
}
