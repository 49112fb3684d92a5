import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { digest } from '#core/crypto.server'
import { clearDraft, readDraft } from '#app/features/intake/intake-draft.server'
import { intakePath } from '#domain/intake-languages'
import { intakeLanguage, intakePageLanguage, intakeTranslations } from '#app/features/intake/intake-page.server'
import { confirmationMailText, contactWayText, nextStepsText } from '#app/features/intake/intake-texts'
import { brusselsDate } from '#domain/intake-working-days'
import { db } from '#app/utils/db.server'
import { publicBaseUrl } from '#app/utils/public-url.server'
import { findIntakeBySubmission } from '#db/queries/intake-status'

// Public: the confirmation, shown only after the intake was committed, to the browser that sent it.
export async function loader({ request }: LoaderFunctionArgs) {
  const language = await intakePageLanguage(request)
  const draft = await readDraft(request)
  const intake = draft?.submitted ? await findIntakeBySubmission(db(), draft.submissionKey) : undefined
  if (!draft || !intake || intake.statusTokenHash !== digest(draft.statusToken)) throw redirect(intakePath('', language))
  const t = await intakeTranslations(language)
  const dates = { submittedOn: brusselsDate(new Date(intake.createdAt)), dueOn: intake.firstContactDueOn }
  // Sentences with dates are made here, so server and browser never format a date differently.
  return json({
    title: t('done.title'),
    reference: intake.reference,
    mailSent: confirmationMailText(t, intake),
    next: nextStepsText(t, intake, dates, language),
    contactWay: contactWayText(t, intake),
    statusPath: intakePath(`status/${draft.statusToken}`, language),
    statusUrl: new URL(intakePath(`status/${draft.statusToken}`, language), publicBaseUrl()).href,
  })
}

/** "Clear this device": on a shared computer the next person should not find this confirmation. */
export async function action({ request }: ActionFunctionArgs) {
  const language = await intakeLanguage(request)
  throw redirect(intakePath('', language), { headers: { 'Set-Cookie': await clearDraft(request) } })
}

export default function IntakeDonePage() {
  const { reference, mailSent, next, contactWay, statusPath, statusUrl } = useLoaderData<typeof loader>()
  const { t } = useTranslation('intake')
  return (
    <>
      <h1>{t('done.title')}</h1>
      <p className="mt-4 text-lg">{t('done.reference', { reference })}</p>
      <p className="mt-2 text-3xl font-bold tracking-wider" dir="ltr">
        {reference}
      </p>
      <h2 className="mt-8">{t('done.nextTitle')}</h2>
      <p className="mt-2">{next}</p>
      <p className="mt-2">{contactWay}</p>
      {mailSent ? <p className="mt-2">{mailSent}</p> : null}
      <h2 className="mt-8">{t('done.statusTitle')}</h2>
      <p className="mt-2">{t('done.statusIntro')}</p>
      <p className="mt-2 break-all" dir="ltr">
        <Link to={statusPath}>{statusUrl}</Link>
      </p>
      <p className="mt-2">{t('done.statusKeepSafe')}</p>
      <Form method="post" className="mt-8 card">
        <h2>{t('done.sharedDeviceTitle')}</h2>
        <p className="mt-2 mb-4">{t('done.sharedDeviceText')}</p>
        <button type="submit" className="btn-secondary">
          {t('done.sharedDeviceButton')}
        </button>
      </Form>
    </>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.title} – Stapsteen` : 'Stapsteen' }]
