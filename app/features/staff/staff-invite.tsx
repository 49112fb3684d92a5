import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint } from '@conform-to/zod'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { staffAreas } from './staff-areas'
import { type InviteFields, inviteSchema, organisationLabel } from './staff-form'
import { parseWithZod } from '#app/utils/parse-form'
import type { staffInviteAction, staffInviteLoader } from './staff-pages.server'
import { Field } from '#app/components/forms'
import { ErrorSummary } from '#app/components/error-summary'
import { inputProps, SelectField } from '#app/components/conform-fields'
import { StaffRoleFields } from './staff-role-fields'

/**
 * The invitation form. Admins first narrow the organisations with a search (a GET form, so it works without
 * JavaScript and a list of hundreds stays short), then pick one in the invitation form; a coordinator invites
 * into their own organisation.
 */
export function StaffInvitePage() {
  const { area, reach, search, chosen, choices, roles, regions, validDays } = useLoaderData<typeof staffInviteLoader>()
  const lastResult = useActionData<typeof staffInviteAction>()
  const [form, fields] = useForm<InviteFields>({
    id: 'invite',
    lastResult,
    defaultValue: { organisationId: chosen?.id },
    constraint: getZodConstraint(inviteSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: inviteSchema }),
    shouldRevalidate: 'onInput',
  })
  const { path, title } = staffAreas[area]
  const fixedOrganisation = reach === 'organisation' ? chosen : null
  return (
    <>
      <p>
        <Link to={path}>← {title}</Link>
      </p>
      <h1 className="mt-4">Iemand uitnodigen</h1>
      <p className="mt-2 max-w-3xl">
        De persoon krijgt een e-mail met een link om een wachtwoord te kiezen. De link werkt {validDays} dagen; daarna kan je de uitnodiging opnieuw versturen.
      </p>
      {fixedOrganisation ? null : (
        <Form method="get" className="card mt-6 max-w-2xl" aria-labelledby="organisation-search-title">
          <h2 id="organisation-search-title">Organisatie zoeken</h2>
          <Field
            label="Naam van de organisatie"
            help="Een deel van de naam is genoeg, bijvoorbeeld Gent. De keuzelijst Organisatie hieronder toont dan alleen de organisaties die passen."
            inputProps={{ id: 'organisation-search', name: 'zoek', type: 'search', defaultValue: search, autoComplete: 'off' }}
          />
          <button type="submit" className="btn-secondary">
            Zoeken
          </button>
        </Form>
      )}
      <Form method="post" {...getFormProps(form)} className="mt-6 max-w-2xl">
        <ErrorSummary form={form} />
        <Field label="E-mailadres" errors={fields.email.errors} inputProps={{ ...inputProps(fields.email, { type: 'email' }), autoComplete: 'off' }} />
        <Field label="Naam" errors={fields.name.errors} inputProps={{ ...inputProps(fields.name, { type: 'text' }), autoComplete: 'off' }} />
        {fixedOrganisation ? (
          <p className="mb-5">
            <input {...inputProps(fields.organisationId, { type: 'hidden' })} />
            <span className="font-semibold">Organisatie:</span> {fixedOrganisation.name}
          </p>
        ) : (
          <SelectField
            meta={fields.organisationId}
            label="Organisatie"
            help={choicesHelp(search, choices)}
            options={choices.rows.map((o) => ({ value: o.id, label: organisationLabel(o) }))}
          />
        )}
        <StaffRoleFields fields={fields} roles={roles} regions={regions} />
        <button type="submit" className="btn-primary">
          Uitnodiging versturen
        </button>
      </Form>
    </>
  )
}

function choicesHelp(search: string, choices: { rows: unknown[]; more: boolean }) {
  const matching = search ? ` met "${search}" in de naam` : ''
  if (choices.rows.length === 0) return `Er is geen organisatie${matching}. Zoek hierboven op een ander deel van de naam.`
  if (choices.more) return `Hier staan de eerste ${choices.rows.length} organisaties${matching}. Staat de juiste er niet bij? Zoek hierboven op een deel van de naam.`
  return search ? `Organisaties${matching}.` : undefined
}
