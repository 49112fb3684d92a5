import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { ErrorPage } from '#app/components/error-page'
import { OrganisationForm } from '#app/features/organisations/organisation-form'
import { typesFor } from '#app/features/organisations/organisation-admin'
import { newOrganisationFormSchema } from '#app/features/organisations/organisation-form-schema'
import { db } from '#app/utils/db.server'
import { municipalityGroups, organisationValuesFromForm, requireOrganisationAdmin } from '#app/features/organisations/organisation-admin.server'
import { parseWithZod } from '#app/utils/parse-form'
import { withToast } from '#app/utils/toast.server'
import { createManagedOrganisation } from '#db/queries/organisation-changes'

export async function loader({ request }: LoaderFunctionArgs) {
  const { admin, regions } = await requireOrganisationAdmin(request)
  return json({ types: typesFor(admin), groups: await municipalityGroups(regions) })
}

export async function action({ request }: ActionFunctionArgs) {
  const { admin } = await requireOrganisationAdmin(request)
  const submission = parseWithZod(await request.formData(), { schema: newOrganisationFormSchema })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  const { slug, ...values } = submission.value
  const input = { slug, ...(await organisationValuesFromForm(values)) }
  const result = await db().transaction((tx) => createManagedOrganisation(tx, admin, input))
  if (result.kind === 'invalid') return json(submission.reply({ fieldErrors: result.fieldErrors }), { status: 400 })
  throw redirect(`/admin/organisaties/${result.id}`, await withToast({ kind: 'success', message: `${result.name} is aangemaakt.` }))
}

export default function NewOrganisationPage() {
  const { types, groups } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  return (
    <>
      <p>
        <Link to="/admin/organisaties">← Alle organisaties</Link>
      </p>
      <h1 className="mt-4">Nieuwe organisatie</h1>
      <p className="mt-2 max-w-3xl">
        Een OCMW-cluster, VDAB-team of outreachpartner. Medewerkers voeg je daarna toe op de pagina van de organisatie. Werkgevers registreren zich zelf.
      </p>
      <OrganisationForm creating defaultValue={{ municipalities: [] }} lastResult={lastResult} types={types} groups={groups} elsewhere={[]} submitLabel="Organisatie aanmaken" />
    </>
  )
}

export const meta: MetaFunction = () => [{ title: 'Nieuwe organisatie – Stapsteen' }]

export function ErrorBoundary() {
  return <ErrorPage />
}
