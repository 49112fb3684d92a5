import { parseWithZod } from '#app/utils/parse-form'
import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { requireUserWithPermission } from '#app/auth/session.server'
import { adminRegionEditor, requireAdminRegion, saveVersion } from '#app/features/compensation/compensation.server'
import { formatDate } from '#domain/compensation-labels'
import { ScheduleVersions } from '#app/features/compensation/schedule-history'
import { VersionEditor } from '#app/features/compensation/version-editor'
import { VersionFormSchema } from '#app/features/compensation/version-form'
import { ErrorPage } from '#app/components/error-page'
import { SelectField } from '#app/components/forms'
import { publicBaseUrl } from '#app/utils/public-url.server'
import { withToast } from '#app/utils/toast.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, 'compensation:manage-region')
  const ocmwId = new URL(request.url).searchParams.get('ocmw') || null
  return json(await adminRegionEditor(user, params.region ?? '', ocmwId))
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, 'compensation:manage-region')
  const region = await requireAdminRegion(user, params.region ?? '')
  const submission = parseWithZod(await request.formData(), { schema: VersionFormSchema })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  const result = await saveVersion(user, { regionCode: region.code, ...submission.value }, publicBaseUrl())
  if (!result.ok) return json(submission.reply({ formErrors: result.formErrors, fieldErrors: result.fieldErrors }), { status: 400 })
  const { ocmwOrganisationId, validFrom } = submission.value
  const mails = result.notified === 1 ? '1 werkgever krijgt' : `${result.notified} werkgevers krijgen`
  throw redirect(
    `/admin/vergoedingen/${region.code}${ocmwOrganisationId ? `?ocmw=${ocmwOrganisationId}` : ''}`,
    await withToast({
      kind: 'success',
      message: `De nieuwe versie is opgeslagen en geldt vanaf ${formatDate(validFrom)}. ${mails} een e-mail.`,
    }),
  )
}

export default function RegionCompensationPage() {
  const { region, ocmws, ocmw, schedules, form, today } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const scheduleName = ocmw ? ocmw.name : region.name
  return (
    <>
      <p>
        <Link to="/admin/vergoedingen">Terug naar je regio's</Link>
      </p>
      <h1 className="mt-2">Vergoedingen in {region.name}</h1>
      {ocmws.length > 0 ? (
        <Form method="get" className="mt-4 flex max-w-2xl flex-wrap items-end gap-4">
          <div className="flex-1">
            <SelectField
              label="Welke regeling wil je wijzigen?"
              help="Een OCMW kan afwijken van de regeling van de regio, voor één of meer instrumenten."
              options={[
                { value: '', label: `${region.name} (de hele regio)` },
                ...ocmws.map((o) => ({ value: o.id, label: `Afwijking voor ${o.name}${o.demo ? ' (demo)' : ''}` })),
              ]}
              selectProps={{ name: 'ocmw', defaultValue: ocmw?.id ?? '', id: 'doel' }}
            />
          </div>
          <button type="submit" className="btn-secondary mb-5">
            Kies
          </button>
        </Form>
      ) : null}

      <section aria-labelledby="geschiedenis-title" className="mt-6">
        <h2 id="geschiedenis-title">Geschiedenis</h2>
        {schedules.length === 0 ? <p className="mt-2">{region.name} heeft nog geen regeling.</p> : null}
        {schedules.map((s) => (
          <ScheduleVersions
            key={s.id}
            schedule={s}
            today={today}
            title={s.ocmw ? `Afwijking voor ${s.ocmw.name}` : `Regeling van ${region.name}`}
          />
        ))}
      </section>

      <section aria-labelledby="nieuw-title" className="mt-10">
        <h2 id="nieuw-title">Nieuwe versie {ocmw ? `van de afwijking voor ${ocmw.name}` : `voor ${region.name}`}</h2>
        <p className="mt-2 mb-4 max-w-3xl">
          Het formulier begint met een kopie van de laatste versie. Pas aan wat verandert en kies vanaf wanneer het geldt. Vorige versies
          blijven bewaard. Werkgevers met gepubliceerde plaatsen in {scheduleName} krijgen een e-mail.
        </p>
        {/* Conform reads its starting values once per mount: keyed by the schedule and the version it copies, the form
            starts afresh for another schedule and after every saved version (the suggested start alone may not move). */}
        <VersionEditor
          key={`${ocmw?.id ?? 'regio'}-${form.latestVersionId ?? 'geen-versie'}`}
          defaultValue={form.defaultValue}
          lastResult={lastResult}
          scheduleName={scheduleName}
        />
      </section>
    </>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Vergoedingen ${data?.region.name ?? ''} – Stapsteen` }]

export function ErrorBoundary() {
  return <ErrorPage />
}
