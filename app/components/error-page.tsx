import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

/** What a person sees when something fails: what happened in plain words, never a stack trace. */
export function ErrorPage() {
  const error = useRouteError()
  const { t } = useTranslation()
  const status = isRouteErrorResponse(error) ? error.status : 500
  const [title, text] =
    status === 403
      ? [t('errors.forbiddenTitle'), t('errors.forbiddenText')]
      : status === 404
        ? [t('errors.notFoundTitle'), t('errors.notFoundText')]
        : [t('errors.serverTitle'), t('errors.serverText')]
  return (
    <section className="mx-auto max-w-2xl py-10" aria-labelledby="error-title">
      <h1 id="error-title">{title}</h1>
      <p className="mt-4">{text}</p>
      <p className="mt-6">
        <Link to="/">{t('errors.backHome')}</Link>
      </p>
    </section>
  )
}
