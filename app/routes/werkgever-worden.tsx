import { getCollectionProps, getFormProps, getInputProps, useForm } from '@conform-to/react'
import { getZodConstraint } from '@conform-to/zod'
import { parseWithZod } from '#app/utils/parse-form'
import { type ActionFunctionArgs, json, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { passwordAdvice } from '#domain/password-policy'
import { withPasswordPolicy } from '#app/auth/password-policy.server'
import { ErrorPage } from '#app/components/error-page'
import { Field } from '#app/components/forms'
import { ErrorSummary } from '#app/components/error-summary'
import { HoneypotFields } from '#app/components/honeypot-fields'
import { SiteFields } from '#app/features/employers/site-fields'
import { employerTypeValues, MAX_SITES, registrationSchema } from '#domain/employer-registration'
import { employerTypeLabels } from '#domain/placement-values'
import { db } from '#app/utils/db.server'
import { registerEmployer } from '#app/features/employers/employer-registration.server'
import { checkHoneypot } from '#app/utils/honeypot.server'
import { publicBaseUrl } from '#app/utils/public-url.server'
import { mailFormLimited, mailFormLimitMessage } from '#app/utils/rate-limit.server'
import { steadily } from '#app/utils/steady-answer.server'
import { listSharedPostcodes } from '#db/queries/employers'

// Public: anyone may register an organisation. Its placements stay hidden until a regional admin verified it.
export async function loader() {
  return json({ sharedPostcodes: await listSharedPostcodes(db()) })
}

// Passwords never travel back into the page, also not after "add a site" without JavaScript.
const hideFields = ['password', 'passwordConfirm']

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData()
  await checkHoneypot(formData)
  const schema = withPasswordPolicy(registrationSchema, (value) => ({ email: value.contactEmail, name: value.contactName, password: value.password }))
  const submission = parseWithZod(formData, { schema })
  // Without JavaScript, adding or removing a site row is a submission too: it answers the form with the change.
  if (submission.status !== 'success') return json(submission.reply({ hideFields }), { status: submission.status === 'error' ? 400 : 200 })
  if (await mailFormLimited(context.clientIp, submission.value.contactEmail)) {
    return json(submission.reply({ formErrors: [mailFormLimitMessage], hideFields }), { status: 429 })
  }
  // As long for an address that has an account as for a new one (steady-answer.server.ts).
  const result = await steadily(() => registerEmployer(submission.value, publicBaseUrl()))
  if (!result.ok) return json(submission.reply({ fieldErrors: result.fieldErrors, hideFields }), { status: 400 })
  // A new account and an address that already had one get the same page: the form tells nobody which addresses exist.
  throw redirect('/werkgever-worden/e-mail-verstuurd')
}

export default function RegisterEmployerPage() {
  const { sharedPostcodes } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useForm({
    id: 'werkgever-worden',
    lastResult,
    defaultValue: { sites: [{}] },
    constraint: getZodConstraint(registrationSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: registrationSchema }),
    shouldRevalidate: 'onInput',
  })
  const sites = fields.sites.getFieldList()
  const type = fields.employerType
  return (
    <div className="mx-auto max-w-2xl">
      <h1>Werkgever worden op Stapsteen</h1>
      <p className="mt-2 text-slate-700">
        Registreer uw organisatie. U krijgt een e-mail om uw adres te bevestigen. Daarna kijkt een regionale beheerder uw
        gegevens na. Pas dan worden uw werkervaringsplaatsen zichtbaar voor het OCMW en VDAB.
      </p>
      <p className="mt-2 mb-6">
        Al geregistreerd? <Link to="/inloggen">Log in</Link>.
      </p>
      <Form method="post" {...getFormProps(form)}>
        {/* Enter in a text field sends the form with the first submit button: this one, not "remove a site". */}
        <button type="submit" hidden tabIndex={-1} />
        <HoneypotFields label="Laat dit veld leeg" />
        <ErrorSummary form={form} />
        <h2 className="mb-4">Uw organisatie</h2>
        <Field label="Naam van de organisatie" errors={fields.organisationName.errors} inputProps={{ ...getInputProps(fields.organisationName, { type: 'text' }), autoComplete: 'organization' }} />
        <Field
          label="Ondernemingsnummer (KBO)"
          help="10 cijfers, bv. 0123.456.749. U vindt het in de KBO of op uw facturen."
          errors={fields.enterpriseNumber.errors}
          inputProps={getInputProps(fields.enterpriseNumber, { type: 'text' })}
        />
        <fieldset className="mb-5" aria-describedby={type.errors ? type.errorId : undefined}>
          <legend className="field-label">Soort organisatie</legend>
          {getCollectionProps(type, { type: 'radio', options: employerTypeValues }).map(({ key, ...radio }) => (
            <div key={key} className="mt-2 flex items-center gap-2">
              <input {...radio} className="size-5" />
              <label htmlFor={radio.id}>{employerTypeLabels[radio.value as keyof typeof employerTypeLabels].label}</label>
            </div>
          ))}
          {type.errors ? (
            <p id={type.errorId} className="field-error">
              {type.errors.join(' ')}
            </p>
          ) : null}
        </fieldset>
        <Field label="Sector" help='Bijvoorbeeld "Horeca", "Zorg" of "Logistiek".' errors={fields.sector.errors} inputProps={getInputProps(fields.sector, { type: 'text' })} />

        <h2 className="mt-8 mb-2">Contactpersoon</h2>
        <p className="mb-4 text-slate-700">Eén persoon die het OCMW en VDAB kunnen contacteren. Met dit e-mailadres logt u in.</p>
        <Field label="Naam" errors={fields.contactName.errors} inputProps={{ ...getInputProps(fields.contactName, { type: 'text' }), autoComplete: 'name' }} />
        <Field label="E-mailadres" errors={fields.contactEmail.errors} inputProps={{ ...getInputProps(fields.contactEmail, { type: 'email' }), autoComplete: 'email' }} />
        <Field
          label="Telefoonnummer (niet verplicht)"
          help="Bijvoorbeeld 09 123 45 67 of 0470 12 34 56."
          errors={fields.contactPhone.errors}
          inputProps={{ ...getInputProps(fields.contactPhone, { type: 'tel' }), autoComplete: 'tel' }}
        />

        <h2 className="mt-8 mb-2">Vestigingen</h2>
        <p className="mb-4 text-slate-700">Waar komen de mensen werken? Geef minstens één adres in Vlaanderen (hoogstens {MAX_SITES}).</p>
        {sites.map((site, index) => (
          <fieldset key={site.key} className="card mb-4">
            <legend className="px-1 font-semibold">Vestiging {index + 1}</legend>
            <SiteFields fields={site.getFieldset()} sharedPostcodes={sharedPostcodes} />
            {sites.length > 1 ? (
              <button {...form.remove.getButtonProps({ name: fields.sites.name, index })} className="btn-secondary">
                Vestiging {index + 1} verwijderen
              </button>
            ) : null}
          </fieldset>
        ))}
        {fields.sites.errors ? (
          <p id={fields.sites.errorId} className="field-error mb-4">
            {fields.sites.errors.join(' ')}
          </p>
        ) : null}
        <button {...form.insert.getButtonProps({ name: fields.sites.name })} disabled={sites.length >= MAX_SITES} className="btn-secondary">
          Nog een vestiging toevoegen
        </button>

        <h2 className="mt-8 mb-2">Wachtwoord</h2>
        <p className="mb-4 text-slate-700">{passwordAdvice}</p>
        <Field label="Wachtwoord" errors={fields.password.errors} inputProps={{ ...getInputProps(fields.password, { type: 'password' }), autoComplete: 'new-password' }} />
        <Field
          label="Herhaal het wachtwoord"
          errors={fields.passwordConfirm.errors}
          inputProps={{ ...getInputProps(fields.passwordConfirm, { type: 'password' }), autoComplete: 'new-password' }}
        />
        <button type="submit" className="btn-primary mt-4 w-full">
          Organisatie registreren
        </button>
      </Form>
    </div>
  )
}

export const meta: MetaFunction = () => [{ title: 'Werkgever worden – Stapsteen' }]

export function ErrorBoundary() {
  return <ErrorPage />
}
