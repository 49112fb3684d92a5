import { useLocation, useRouteLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { type IntakeLanguage, isIntakeLanguage, languageNames } from '#domain/intake-languages'
import { intakeLanguages } from '#domain/values'

/** The language of the page, as the root loader detected it from ?lng=. */
export function useIntakeLanguage(): IntakeLanguage {
  const root = useRouteLoaderData<{ locale: string }>('root')
  return isIntakeLanguage(root?.locale) ? root.locale : 'nl'
}

/**
 * Links to this same page in every language of the form. The answers stay: they live in the form's cookie,
 * not in the page. Plain links, so the whole page (and html lang/dir) reloads in the new language.
 */
export function IntakeLanguageSwitcher() {
  const { t } = useTranslation('intake')
  const location = useLocation()
  const current = useIntakeLanguage()
  const href = (language: IntakeLanguage) => {
    const params = new URLSearchParams(location.search)
    params.set('lng', language)
    return `${location.pathname}?${params.toString()}`
  }
  return (
    <nav aria-label={t('languageSwitcher')} className="mb-6">
      <ul className="flex flex-wrap gap-2">
        {intakeLanguages.map((language) => (
          <li key={language}>
            <a
              href={href(language)}
              lang={language}
              hrefLang={language}
              aria-current={language === current ? 'true' : undefined}
              className="inline-flex min-h-11 items-center rounded-md border border-slate-400 px-3 no-underline aria-[current=true]:border-brand-700 aria-[current=true]:bg-brand-700 aria-[current=true]:text-white aria-[current=true]:hover:text-white"
            >
              {languageNames[language]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}
