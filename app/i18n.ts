/**
 * i18next settings shared by server and browser. Dutch first; a language is added by adding
 * public/locales/<code>/*.json and its code here. The public intake form (/aanmelden) speaks all of them;
 * the rest of the portal is Dutch, and falls back to Dutch for any text a language does not have.
 */
export const i18nConfig = {
  supportedLngs: ['nl', 'en', 'fr', 'ar', 'tr', 'uk'],
  fallbackLng: 'nl',
  defaultNS: 'common',
  // React already escapes what it renders.
  interpolation: { escapeValue: false },
}
