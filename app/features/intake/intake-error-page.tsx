import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { intakePath } from '#domain/intake-languages'
import { useIntakeLanguage } from './language-switcher'

/**
 * What a resident sees when a page of the form fails, in their language: an unknown or broken status link
 * is a 404 with a way back, never a stack trace or a 500.
 */
export function IntakeErrorPage() {
  const error = useRouteError()
  const { t } = useTranslation('intake')
  const language = useIntakeLanguage()
  const kind = isRouteErrorResponse(error) && error.status === 404 ? 'notFound' : 'failed'
  return (
    <section aria-labelledby="intake-error-title">
      <h1 id="intake-error-title">{t(`error.${kind}Title`)}</h1>
      <p className="mt-4">{t(`error.${kind}Text`)}</p>
      <p className="mt-6">
        <Link to={intakePath('', language)}>{t('error.backToStart')}</Link>
      </p>
    </section>
  )
}
