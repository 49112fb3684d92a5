import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint } from '@conform-to/zod'
import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect, type SerializeFrom } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import type { ReactNode } from 'react'
import { DetailList } from '#app/components/detail-list'
import { ErrorPage } from '#app/components/error-page'
import { ErrorSummary } from '#app/components/error-summary'
import { OrganisationForm } from '#app/features/organisations/organisation-form'
import { areaSummary, DemoBadge } from '#app/features/organisations/organisation-list'
import { typesFor } from '#app/features/organisations/organisation-admin'
import { deactivateSchema, organisationFormSchema } from '#app/features/organisations/organisation-form-schema'
import { organisationTypeLabels } from '#domain/organisation-labels'
import { formatDateTime } from '#app/utils/dates'
import { db } from '#app/utils/db.server'
import {
  municipalityGroups,
  organisationNotFound,
  organisationValuesFromForm,
  requireManagedOrganisation,
  requireOrganisationAdmin,
} from '#app/features/organisations/organisation-admin.server'
import { parseWithZod } from '#app/utils/parse-form'
import { withToast } from '#app/utils/toast.server'
import { setOrganisationActive } from '#db/queries/organisation-admin'
import { updateManagedOrganisation } from '#db/queries/organisation-changes'
import { servedAreas } from '#db/queries/organisations'

/** One organisation: its fields (intent=save), and deactivating or reactivating it. Others are a 404. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { admin, regions } = await requireOrganisationAdmin(request)
  const organisation = await requireManagedOrganisation(admin, params.id)
  const own = new Set(regions.map((r) => r.code))
  const area = (await servedAreas(db(), [organisation.id])).get(organisation.id)!
  return json({
    organisation,
    area: areaSummary(area, Number.POSITIVE_INFINITY),
    types: typesFor(admin),
    groups: await municipalityGroups(regions),
    elsewhere: organisation.municipalities.filter((m) => !own.has(m.regionCode)),
    isOwn: organisation.id === admin.organisationId,
  })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { admin } = await requireOrganisationAdmin(request)
  const { id } = await requireManagedOrganisation(admin, params.id)
  const formData = await request.formData()
  const here = `/admin/organisaties/${id}`
  const intent = formData.get('intent')
  if (intent === 'save') {
    const submission = parseWithZod(formData, { schema: organisationFormSchema })
    if (submission.status !== 'success') return json({ form: 'save' as const, result: submission.reply() }, { status: 400 })
    const values = await organisationValuesFromForm(submission.value)
    const result = await db().transaction((tx) => updateManagedOrganisation(tx, admin, id, values))
    if (result.kind === 'not-found') throw organisationNotFound()
    if (result.kind === 'invalid') return json({ form: 'save' as const, result: submission.reply({ fieldErrors: result.fieldErrors }) }, { status: 400 })
    const message = result.changed.length > 0 ? `De gegevens van ${result.name} zijn bewaard.` : `Er was niets gewijzigd aan ${result.name}.`
    throw redirect(here, await withToast({ kind: 'success', message }))
  }
  if (intent === 'deactivate') {
    const submission = parseWithZod(formData, { schema: deactivateSchema })
    if (submission.status !== 'success') return json({ form: 'active' as const, result: submission.reply() }, { status: 400 })
    const result = await db().transaction((tx) => setOrganisationActive(tx, admin, id, false))
    if (result.kind === 'not-found') throw organisationNotFound()
    if (result.kind === 'own') {
      const reason = 'Je kan je eigen organisatie niet deactiveren: dan kan je zelf niet meer inloggen.'
      return json({ form: 'active' as const, result: submission.reply({ formErrors: [reason] }) }, { status: 400 })
    }
    const message = `${result.name} is gedeactiveerd. Haar medewerkers kunnen niet meer inloggen; haar open aanmeldingen staan onder "Zonder ontvanger".`
    throw redirect(here, await withToast({ kind: 'success', message }))
  }
  if (intent === 'reactivate') {
    const result = await db().transaction((tx) => setOrganisationActive(tx, admin, id, true))
    if (result.kind !== 'done') throw organisationNotFound()
    const message = `${result.name} is opnieuw actief. Haar medewerkers kunnen weer inloggen.`
    throw redirect(here, await withToast({ kind: 'success', message }))
  }
  throw new Response('Onbekende handeling.', { status: 400 })
}

type Organisation = SerializeFrom<typeof loader>['organisation']

export default function OrganisationPage() {
  const { organisation: o, area, types, groups, elsewhere, isOwn } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const details: [string, ReactNode][] = [
    ['Slug', <code key="slug">{o.slug}</code>],
    ['Soort', organisationTypeLabels[o.type]],
    ['Status', o.deactivatedAt ? `Gedeactiveerd sinds ${formatDateTime(o.deactivatedAt)}` : 'Actief'],
    ['Werkgebied', area],
    [
      'Medewerkers',
      <>
        {o.staff} {o.staff === 1 ? 'actief account' : 'actieve accounts'} – <Link to={`/admin/gebruikers?organisatie=${o.id}`}>Medewerkers beheren</Link>
      </>,
    ],
    ['Open aanmeldingen', String(o.openIntakes)],
    ['Aangemaakt', formatDateTime(o.createdAt)],
  ]
  return (
    <>
      <p>
        <Link to="/admin/organisaties">← Alle organisaties</Link>
      </p>
      <h1 className="mt-4">
        {o.name}
        {o.demo ? <DemoBadge /> : null}
      </h1>
      <DetailList details={details} />
      <section className="mt-8" aria-labelledby="fields-title">
        <h2 id="fields-title">Gegevens</h2>
        <OrganisationForm
          creating={false}
          defaultValue={{
            name: o.name,
            type: o.type,
            municipalities: o.municipalities.filter((m) => !elsewhere.some((e) => e.nis === m.nis)).map((m) => m.nis),
            contactEmail: o.contactEmail ?? undefined,
            dpoEmail: o.dpoEmail ?? undefined,
            firstContactDays: o.firstContactDays ?? undefined,
          }}
          lastResult={actionData?.form === 'save' ? actionData.result : undefined}
          types={types}
          groups={groups}
          elsewhere={elsewhere}
          submitLabel="Gegevens bewaren"
        />
      </section>
      {isOwn ? null : <ActiveSection organisation={o} />}
    </>
  )
}

/** Deactivating says what it does before the admin confirms it; reactivating undoes it. */
function ActiveSection({ organisation: o }: { organisation: Organisation }) {
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm({
    id: 'deactivate',
    lastResult: actionData?.form === 'active' ? actionData.result : undefined,
    constraint: getZodConstraint(deactivateSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: deactivateSchema }),
  })
  if (o.deactivatedAt) {
    return (
      <section className="card mt-8" aria-labelledby="active-title">
        <h2 id="active-title">Opnieuw activeren</h2>
        <p className="mt-2">De medewerkers van {o.name} kunnen dan weer inloggen, en nieuwe aanmeldingen kunnen weer naar de organisatie gaan.</p>
        <Form method="post" className="mt-3">
          <button type="submit" name="intent" value="reactivate" className="btn-primary">
            {o.name} opnieuw activeren
          </button>
        </Form>
      </section>
    )
  }
  return (
    <section className="card mt-8" aria-labelledby="active-title">
      <h2 id="active-title">Deactiveren</h2>
      <p className="mt-2">Wat er gebeurt als je {o.name} deactiveert:</p>
      <ul className="mt-2 list-disc pl-6">
        <li>
          {o.staff === 1 ? 'Het ene actieve account' : `De ${o.staff} actieve accounts`} van de organisatie {o.staff === 1 ? 'kan' : 'kunnen'} meteen niet meer inloggen.
        </li>
        <li>
          {o.openIntakes === 1 ? 'De ene open aanmelding' : `De ${o.openIntakes} open aanmeldingen`} van de organisatie {o.openIntakes === 1 ? 'staat' : 'staan'} daarna onder
          "Zonder ontvanger", tot een andere organisatie ze opvolgt.
        </li>
        <li>Nieuwe aanmeldingen gaan naar de andere organisaties die dezelfde gemeenten bedienen.</li>
        <li>Er wordt niets gewist: je kan de organisatie later opnieuw activeren.</li>
      </ul>
      <Form method="post" {...getFormProps(form)} className="mt-3">
        <ErrorSummary form={form} />
        <div className="flex items-start gap-2">
          <input
            type="checkbox"
            id={fields.confirm.id}
            name={fields.confirm.name}
            aria-invalid={fields.confirm.errors ? true : undefined}
            aria-describedby={fields.confirm.errors ? fields.confirm.errorId : undefined}
            className="mt-1 size-5 shrink-0"
          />
          <label htmlFor={fields.confirm.id}>Ik begrijp wat deactiveren doet.</label>
        </div>
        {fields.confirm.errors ? (
          <p id={fields.confirm.errorId} className="field-error">
            {fields.confirm.errors.join(' ')}
          </p>
        ) : null}
        <button type="submit" name="intent" value="deactivate" className="btn-secondary mt-3">
          {o.name} deactiveren
        </button>
      </Form>
    </section>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.organisation.name ?? 'Organisatie'} – Stapsteen` }]

export function ErrorBoundary() {
  return <ErrorPage />
}
