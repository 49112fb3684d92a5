import { Link } from '@remix-run/react'
import { type IntakeLanguage, languageNames } from '#domain/intake-languages'
import { intakeLanguages } from '#domain/values'

/** The intake languages in Dutch, for the staff pages; `languageNames` names each language in itself. */
export const dutchLanguageNames: Record<IntakeLanguage, string> = {
  nl: 'Nederlands',
  en: 'Engels',
  fr: 'Frans',
  ar: 'Arabisch',
  tr: 'Turks',
  uk: 'Oekraïens',
}

/** "العربية (Arabisch)": the own name first, so a resident looking over the worker's shoulder finds it too. */
export function LanguageName({ language }: { language: IntakeLanguage }) {
  // One element: inside a flex button, loose text would lose its leading space.
  return (
    <span>
      <span lang={language}>{languageNames[language]}</span>
      {language === 'nl' ? null : ` (${dutchLanguageNames[language]})`}
    </span>
  )
}

/** Links, not a form: each language of the poster has its own address, and it works without JavaScript. */
export function PosterLanguagePicker({ current }: { current: IntakeLanguage }) {
  return (
    <nav aria-labelledby="poster-language-title" className="print:hidden">
      <h2 id="poster-language-title" className="text-lg">
        Taal van het affiche
      </h2>
      <ul className="mt-2 flex flex-wrap gap-2">
        {intakeLanguages.map((language) => (
          <li key={language}>
            <Link
              to={`?taal=${language}`}
              aria-current={language === current ? 'page' : undefined}
              className={language === current ? 'btn-primary' : 'btn-secondary'}
            >
              <LanguageName language={language} />
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}
