import { getFormProps, type SubmissionResult, useForm } from '@conform-to/react'
import { getZodConstraint } from '@conform-to/zod'
import { Form } from '@remix-run/react'
import { inputProps, SelectField } from '#app/components/conform-fields'
import { Field } from '#app/components/forms'
import { ErrorSummary } from '#app/components/error-summary'
import { parseWithZod } from '#app/utils/parse-form'
import { formatDate } from '#domain/compensation-labels'
import { consentSchema } from '#domain/trajectory-sharing-forms'
import { type ShareBasis, shareBasisLabels } from '#domain/trajectory-values'

type Share = { id: string; organisation: string; basis: ShareBasis; consentOn: string | null; createdAt: string; revokedAt: string | null }

/** Who may read the trajectory now (with a button to revoke), and who could before. */
export function ShareList({ shares }: { shares: Share[] }) {
  if (shares.length === 0) return <p className="mt-2">Het traject is met niemand gedeeld.</p>
  return (
    <ul className="mt-2 max-w-3xl space-y-3">
      {shares.map((s) => (
        <li key={s.id} className="card">
          <p>
            <strong>{s.organisation}</strong>: {shareBasisLabels[s.basis].toLowerCase()}
            {s.consentOn ? ` van ${formatDate(s.consentOn)}` : ''}
            {s.revokedAt ? `, ingetrokken op ${formatDate(s.revokedAt.slice(0, 10))}` : ', mag het traject lezen'}.
          </p>
          {s.revokedAt ? null : (
            <Form method="post" className="mt-2">
              <input type="hidden" name="intent" value="revoke" />
              <input type="hidden" name="shareId" value={s.id} />
              <button type="submit" className="btn-secondary">
                Delen met {s.organisation} stoppen
              </button>
            </Form>
          )}
        </li>
      ))}
    </ul>
  )
}

/** The client's consent: which VDAB team (those serving the client's municipality) and on which day. */
export function ConsentForm({ teams, today, lastResult }: { teams: { id: string; name: string }[]; today: string; lastResult?: SubmissionResult<string[]> }) {
  const [form, fields] = useForm({
    id: 'consent',
    lastResult,
    defaultValue: { consentOn: today, organisationId: teams.length === 1 ? teams[0]!.id : undefined },
    constraint: getZodConstraint(consentSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: consentSchema }),
    shouldRevalidate: 'onInput',
  })
  return (
    <Form method="post" {...getFormProps(form)} className="mt-4 max-w-3xl">
      <ErrorSummary form={form} />
      <input type="hidden" name="intent" value="consent" />
      <SelectField meta={fields.organisationId} label="VDAB-team" options={teams.map((t) => ({ value: t.id, label: t.name }))} />
      <Field label="De cliënt gaf toestemming op" errors={fields.consentOn.errors} inputProps={inputProps(fields.consentOn, { type: 'date' })} />
      <button type="submit" className="btn-primary">
        Toestemming registreren en delen
      </button>
    </Form>
  )
}
