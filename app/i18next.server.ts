import { resolve } from 'node:path'
import Backend from 'i18next-fs-backend'
import { RemixI18Next } from 'remix-i18next/server'
import { i18nConfig } from './i18n'

export const localesPath = resolve('./public/locales/{{lng}}/{{ns}}.json')

// The language comes from ?lng= or the lng cookie, else Dutch: Flanders' portal is Dutch first.
export const i18next = new RemixI18Next({
  detection: {
    supportedLanguages: i18nConfig.supportedLngs,
    fallbackLanguage: i18nConfig.fallbackLng,
    order: ['searchParams', 'cookie'],
  },
  i18next: { ...i18nConfig, backend: { loadPath: localesPath } },
  plugins: [Backend],
})
