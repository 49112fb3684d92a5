import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { HoneypotFields } from '#app/components/honeypot-fields'
import { useIntakeLanguage } from '#app/features/intake/language-switcher'
import { IntakeAssistedNotice } from '#app/features/intake/step-form'
import { commitDraft, DRAFT_IDLE_MINUTES, newDraft, readDraft } from '#app/features/intake/intake-draft.server'
import { intakePath } from '#domain/intake-languages'
import { helpingOrganisation, intakeLanguage, intakePageLanguage, intakeTranslations } from '#app/features/intake/intake-page.server'
import { intakeSteps } from '#app/features/intake/intake-steps'
import { checkHoneypot } from '#app/utils/honeypot.server'

// Public: the start of the intake form, also where a channel link (/aanmelden/k/<code>) lands.
export async function loader({ request }: LoaderFunctionArgs) {
  const language = await intakePageLanguage(request)
  const draft = await readDraft(request)
  const params = new URL(request.url).searchParams
  const t = await intakeTranslations(language)
  return json({
    title: t('start.title'),
    helperName: draft ? await helpingOrganisation(request, draft) : null,
    assisted: draft?.assisted ?? false,
    expired: params.has('verlopen'),
    unknownChannel: params.get('kanaal') === 'onbekend',
  })
}

/** A new form: new answers, a new submission key; the channel and the outreach worker of this device stay. */
export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData()
  await checkHoneypot(formData)
  const language = await intakeLanguage(request)
  const previous = await readDraft(request)
  const draft = newDraft({ language, channelId: previous?.channelId, assisted: previous?.assisted })
  throw redirect(intakePath(intakeSteps[0], language), { headers: { 'Set-Cookie': await commitDraft(request, draft) } })
}

export default function IntakeStartPage() {
  const data = useLoaderData<typeof loader>()
  const { t } = useTranslation('intake')
  const language = useIntakeLanguage()
  return (
    <>
      {data.unknownChannel ? <p className="mb-6 rounded-md border border-slate-500 bg-slate-50 px-4 py-3">{t('start.unknownChannel')}</p> : null}
      {data.expired ? (
        <p role="status" className="mb-6 rounded-md border border-slate-500 bg-slate-50 px-4 py-3">
          {t('start.expired', { minutes: DRAFT_IDLE_MINUTES })}
        </p>
      ) : null}
      {data.assisted ? <IntakeAssistedNotice organisation={data.helperName} /> : null}
      <h1>{t('start.title')}</h1>
      <p className="mt-4 text-lg">{t('start.intro')}</p>
      {data.helperName && !data.assisted ? <p className="mt-4">{t('start.viaChannel', { organisation: data.helperName })}</p> : null}
      <h2 className="mt-8">{t('start.whatTitle')}</h2>
      <ul className="mt-2 list-disc ps-6">
        <li>{t('start.whatName')}</li>
        <li>{t('start.whatSituation')}</li>
        <li>{t('start.whatWishes')}</li>
      </ul>
      <p className="mt-4">{t('start.time')}</p>
      <p className="mt-4">{t('start.privacy')}</p>
      <p className="mt-2">
        <Link to={intakePath('privacy', language)}>{t('start.privacyLink')}</Link>
      </p>
      <Form method="post" className="mt-8">
        <HoneypotFields label={t('honeypot')} />
        <button type="submit" className="btn-primary w-full sm:w-auto">
          {t('start.button')}
        </button>
      </Form>
    </>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.title} – Stapsteen` : 'Stapsteen' }]
