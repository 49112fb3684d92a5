import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useIntakeLanguage } from '#app/features/intake/language-switcher'
import { intakePath } from '#domain/intake-languages'
import { intakePageLanguage, intakeTranslations } from '#app/features/intake/intake-page.server'

/**
 * Public: after an erasure request. A page of its own, because the status page stops working as soon as the
 * erasure is carried out, which can be before the browser follows the redirect.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const t = await intakeTranslations(await intakePageLanguage(request))
  return json({ title: t('erased.title') })
}

export default function IntakeErasureRequestedPage() {
  const { title } = useLoaderData<typeof loader>()
  const { t } = useTranslation('intake')
  const language = useIntakeLanguage()
  return (
    <>
      <h1>{title}</h1>
      <p className="mt-4">{t('erased.text')}</p>
      <p className="mt-6">
        <Link to={intakePath('', language)}>{t('error.backToStart')}</Link>
      </p>
    </>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.title} – Stapsteen` : 'Stapsteen' }]
