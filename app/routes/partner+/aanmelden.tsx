import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form } from '@remix-run/react'
import { requireUserWithPermission } from '#app/auth/session.server'
import { ErrorPage } from '#app/components/error-page'
import { commitDraft, newDraft } from '#app/features/intake/intake-draft.server'
import { intakePath, isIntakeLanguage, languageNames } from '#domain/intake-languages'
import { intakeSteps } from '#app/features/intake/intake-steps'
import { intakeLanguages } from '#domain/values'

/**
 * Assisted mode: an outreach worker starts the public form together with a resident, in the resident's
 * language. The intake is marked as assisted by this worker when it is sent (while they are still logged in).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, 'intake:assist')
  return null
}

export async function action({ request }: ActionFunctionArgs) {
  await requireUserWithPermission(request, 'intake:assist')
  const chosen = (await request.formData()).get('language')
  const language = isIntakeLanguage(chosen) ? chosen : 'nl'
  const draft = newDraft({ language, assisted: true })
  throw redirect(intakePath(intakeSteps[0], language), { headers: { 'Set-Cookie': await commitDraft(request, draft) } })
}

export default function AssistedIntakeStart() {
  return (
    <div className="mx-auto max-w-2xl">
      <h1>Samen met een inwoner aanmelden</h1>
      <p className="mt-4">
        Vul het aanmeldformulier in samen met de inwoner, in de taal die hij of zij het best begrijpt. De aanmelding krijgt het
        kenmerk &quot;begeleid&quot; en je naam, zodat het OCMW en VDAB weten wie mee hielp. Blijf ingelogd tot je de aanmelding
        verstuurd hebt.
      </p>
      <Form method="post" className="mt-6">
        <fieldset className="mb-6">
          <legend className="field-label text-lg">In welke taal vullen jullie het formulier in?</legend>
          <div className="mt-2 grid gap-2">
            {intakeLanguages.map((language, index) => (
              <label key={language} htmlFor={`language-${language}`} className="flex min-h-12 items-center gap-3 rounded-md border border-slate-400 px-4 py-2">
                <input type="radio" id={`language-${language}`} name="language" value={language} defaultChecked={index === 0} className="size-6 accent-brand-700" />
                <span lang={language}>{languageNames[language]}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <button type="submit" className="btn-primary">
          Formulier starten
        </button>
      </Form>
    </div>
  )
}

export const meta: MetaFunction = () => [{ title: 'Samen met een inwoner aanmelden – Stapsteen' }]

export function ErrorBoundary() {
  return <ErrorPage />
}
