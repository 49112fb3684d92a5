import { parseWithZod } from '#app/utils/parse-form'
import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { requireUserWithPermission } from '#app/auth/session.server'
import { ErrorPage } from '#app/components/error-page'
import { SelectField } from '#app/components/forms'
import { TriageSettingsForm } from '#app/features/triage/settings-form'
import { triageSettingsSchema } from '#domain/triage-settings-form'
import { db } from '#app/utils/db.server'
import { withToast } from '#app/utils/toast.server'
import { listRegions } from '#db/queries/reference'
import { getTriageSettings, saveTriageSettings } from '#db/queries/triage-settings'
import type { SessionUser } from '#domain/session-user'

/** The admin's own reference regions; another region is simply not there (404), as if it did not exist. */
async function adminRegion(user: SessionUser, code: string | null) {
  const regions = (await listRegions(db())).filter((region) => user.regionCodes.includes(region.code))
  const region = code ? regions.find((r) => r.code === code) : regions[0]
  if (code && !region) throw new Response('Deze regio bestaat niet of je beheert ze niet.', { status: 404 })
  return { regions, region }
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, 'triage:configure-region')
  const { regions, region } = await adminRegion(user, new URL(request.url).searchParams.get('regio'))
  const settings = region ? await getTriageSettings(db(), region.code) : null
  return json({ regions, region, settings })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, 'triage:configure-region')
  const submission = parseWithZod(await request.formData(), { schema: triageSettingsSchema })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  const { region } = await adminRegion(user, submission.value.regionCode)
  const outcome = await db().transaction((tx) => saveTriageSettings(tx, user, submission.value))
  if (outcome.kind !== 'saved' || !region) throw new Response('Deze regio bestaat niet of je beheert ze niet.', { status: 404 })
  throw redirect(
    `/admin/triage-instellingen?regio=${region.code}`,
    await withToast({ kind: 'success', message: `De triage-instellingen van ${region.name} zijn bewaard. Ze gelden voor nieuwe aanmeldingen.` }),
  )
}

export default function TriageSettingsPage() {
  const { regions, region, settings } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  return (
    <>
      <h1>Triage-instellingen</h1>
      <p className="mt-2 max-w-3xl">
        Hier stel je per referentieregio in binnen hoeveel werkdagen een inwoner een eerste contact krijgt, en hoe de suggestie OCMW, VDAB of samen tot stand
        komt. De triagemedewerkers zien bij elke aanmelding de redenen van de suggestie en beslissen zelf.
      </p>
      {regions.length > 1 && region ? (
        <Form method="get" className="mt-4 flex max-w-2xl flex-wrap items-end gap-4">
          <div className="flex-1">
            <SelectField
              label="Regio"
              options={regions.map((r) => ({ value: r.code, label: r.name }))}
              selectProps={{ name: 'regio', defaultValue: region.code, id: 'regio' }}
            />
          </div>
          <button type="submit" className="btn-secondary mb-5">
            Kies
          </button>
        </Form>
      ) : null}
      {region && settings ? (
        <section aria-labelledby="settings-title" className="mt-6">
          <h2 id="settings-title">{region.name}</h2>
          <TriageSettingsForm key={region.code} defaultValue={{ regionCode: region.code, ...settings }} lastResult={lastResult} regionName={region.name} />
        </section>
      ) : (
        <p className="mt-6">Je beheert nog geen referentieregio's. Vraag een platformbeheerder om je regio's toe te wijzen.</p>
      )}
    </>
  )
}

export const meta: MetaFunction = () => [{ title: 'Triage-instellingen – Stapsteen' }]

export function ErrorBoundary() {
  return <ErrorPage />
}
