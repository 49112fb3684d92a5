import { getFormProps, getTextareaProps, useForm } from '@conform-to/react'
import { getZodConstraint } from '@conform-to/zod'
import { parseWithZod } from '#app/utils/parse-form'
import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import type { ReactNode } from 'react'
import { z } from 'zod'
import { requireUserWithPermission } from '#app/auth/session.server'
import { DetailList } from '#app/components/detail-list'
import { EmployerSiteList, KboLink } from '#app/features/employers/employer-details'
import { ErrorPage } from '#app/components/error-page'
import { ErrorSummary } from '#app/components/error-summary'
import { rejectReasonSchema, verificationStatusLabels } from '#domain/employer-registration'
import { employerTypeLabels } from '#domain/placement-values'
import { formatDateTime } from '#app/utils/dates'
import { db } from '#app/utils/db.server'
import { approveEmployer, rejectEmployer } from '#app/features/employers/employer-verification.server'
import { publicBaseUrl } from '#app/utils/public-url.server'
import { withToast } from '#app/utils/toast.server'
import { getEmployerForVerification } from '#db/queries/employer-verification'
import type { SessionUser } from '#domain/session-user'

const DecisionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('approve') }),
  z.object({ intent: z.literal('reject'), reason: rejectReasonSchema }),
])

/** Only employers with a site in the admin's regions exist here; any other id (or no uuid at all) is a 404. */
async function employerInScope(user: SessionUser, id: string | undefined) {
  const employer = z.string().uuid().safeParse(id).success ? await getEmployerForVerification(db(), id!, user.regionCodes) : undefined
  if (!employer) throw new Response('Deze werkgever bestaat niet of valt buiten jouw regio.', { status: 404 })
  return employer
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, 'employer:verify-region')
  return json({ employer: await employerInScope(user, params.id) })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, 'employer:verify-region')
  const { id } = await employerInScope(user, params.id)
  const submission = parseWithZod(await request.formData(), { schema: DecisionSchema })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  const decision = submission.value
  const baseUrl = publicBaseUrl()
  let message: string | undefined
  if (decision.intent === 'approve') {
    const done = await approveEmployer(user, id, baseUrl)
    const published = done?.published ? `${done.published} ingediende plaats(en) zijn nu zichtbaar. ` : ''
    if (done) message = `${done.name} is goedgekeurd. ${published}De werkgever kreeg een e-mail.`
  } else {
    const done = await rejectEmployer(user, id, decision.reason, baseUrl)
    if (done) message = `${done.name} is geweigerd. De werkgever kreeg een e-mail met je uitleg.`
  }
  if (!message) {
    const conflict = 'Dit kan niet meer: een andere beheerder heeft deze werkgever intussen beoordeeld. Herlaad de pagina.'
    return json(submission.reply({ formErrors: [conflict] }), { status: 409 })
  }
  throw redirect('/admin/werkgevers', await withToast({ kind: 'success', message }))
}

export default function EmployerVerificationPage() {
  const { employer: e } = useLoaderData<typeof loader>()
  const details: [string, ReactNode][] = [
    ['Status', verificationStatusLabels[e.status]],
    ...(e.reason ? [['Reden van weigering', e.reason] as [string, string]] : []),
    ['Ondernemingsnummer', <KboLink key="kbo" enterpriseNumber={e.enterpriseNumber} />],
    ['Soort organisatie', e.employerType ? employerTypeLabels[e.employerType].label : ''],
    ['Sector', e.sector],
    ['Contactpersoon', [e.contactName, e.contactEmail, e.contactPhone].filter(Boolean).join(' – ')],
    ['E-mailadres bevestigd', e.emailConfirmed ? 'Ja' : 'Nee, nog niet'],
    ['Geregistreerd', formatDateTime(e.registeredAt)],
  ]
  return (
    <>
      <p>
        <Link to="/admin/werkgevers">← Alle werkgevers</Link>
      </p>
      <h1 className="mt-4">{e.name}</h1>
      <DetailList details={details} />
      <h2 className="mt-8">Vestigingen</h2>
      <div className="mt-2">
        <EmployerSiteList sites={e.sites} />
      </div>
      <h2 className="mt-8">Plaatsen die wachten op verificatie</h2>
      {e.waitingPlacements.length > 0 ? (
        <ul className="mt-2 list-disc pl-6">
          {e.waitingPlacements.map((p) => (
            <li key={p.id}>{p.title}</li>
          ))}
        </ul>
      ) : (
        <p className="mt-2">Deze werkgever heeft nog geen plaatsen ingediend.</p>
      )}
      {e.status === 'verified' ? null : <Decision canReject={e.status === 'pending'} waiting={e.waitingPlacements.length} />}
    </>
  )
}

function Decision({ canReject, waiting }: { canReject: boolean; waiting: number }) {
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useForm({
    id: 'reject-employer',
    lastResult,
    constraint: getZodConstraint(DecisionSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: DecisionSchema }),
    shouldRevalidate: 'onInput',
  })
  const reason = fields.reason
  const { key: _key, ...textarea } = getTextareaProps(reason)
  return (
    <section className="mt-8" aria-labelledby="decision-title">
      <h2 id="decision-title">Beslissing</h2>
      <ErrorSummary form={form} />
      <Form method="post" className="card mt-3">
        <h3 className="font-semibold">Goedkeuren</h3>
        <p className="mt-1 mb-3">
          De werkgever krijgt een e-mail.{' '}
          {waiting > 0 ? `De ${waiting} ingediende plaats(en) worden meteen zichtbaar.` : 'Plaatsen die de werkgever publiceert, zijn meteen zichtbaar.'}
        </p>
        <button type="submit" name="intent" value="approve" className="btn-primary">
          Werkgever goedkeuren
        </button>
      </Form>
      {canReject ? (
        <Form method="post" {...getFormProps(form)} className="card mt-4">
          <h3 className="font-semibold">Weigeren</h3>
          <label htmlFor={reason.id} className="field-label mt-2">
            Reden
          </label>
          <p id={`${reason.id}-help`} className="text-sm text-slate-700">
            Minstens 10 tekens. De werkgever krijgt deze uitleg in een e-mail: schrijf wat er niet klopt en wat de werkgever kan doen.
          </p>
          <textarea
            {...textarea}
            rows={4}
            aria-describedby={[`${reason.id}-help`, reason.errors ? reason.errorId : ''].filter(Boolean).join(' ')}
            className="field-input"
          />
          {reason.errors ? (
            <p id={reason.errorId} className="field-error">
              {reason.errors.join(' ')}
            </p>
          ) : null}
          <button type="submit" name="intent" value="reject" className="btn-secondary mt-3">
            Werkgever weigeren
          </button>
        </Form>
      ) : null}
    </section>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.employer.name ?? 'Werkgever'} verifiëren – Stapsteen` }]

export function ErrorBoundary() {
  return <ErrorPage />
}
