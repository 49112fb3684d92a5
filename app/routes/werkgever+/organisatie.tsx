import { parseWithZod } from '#app/utils/parse-form'
import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { requireUserWithPermission } from '#app/auth/session.server'
import { EmployerProfileForm } from '#app/features/employers/employer-profile-form'
import { EmployerSiteCard } from '#app/features/employers/employer-site-card'
import { ErrorPage } from '#app/components/error-page'
import { SiteForm } from '#app/features/employers/site-form'
import { contactSchema, siteSchema, verificationStatusLabels, verificationStatusTexts } from '#domain/employer-registration'
import { employerTypeLabels } from '#domain/placement-values'
import { db } from '#app/utils/db.server'
import { withToast } from '#app/utils/toast.server'
import { audit } from '#db/queries/audit'
import { addOwnSite, getOwnEmployer, listSharedPostcodes, removeOwnSite, resolveSite, updateOwnProfile, updateOwnSite } from '#db/queries/employers'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, 'organisation:manage-own')
  const employer = await getOwnEmployer(db(), user.organisation.id)
  if (!employer) throw new Response('Uw organisatie heeft geen werkgeversprofiel.', { status: 404 })
  return json({ employer, sharedPostcodes: await listSharedPostcodes(db()) })
}

const SiteIdSchema = z.object({ siteId: z.string().uuid() })
const EditSiteSchema = siteSchema.merge(SiteIdSchema)

const removalProblems = {
  'in-use': 'Deze vestiging kan niet weg: er hoort nog een plaats bij.',
  'last-site': 'Dit is uw enige vestiging. Voeg eerst een andere toe.',
  'not-found': 'Deze vestiging bestaat niet meer.',
} as const

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, 'organisation:manage-own')
  // Always the user's own organisation, never an id from the form: an employer can only change its own data.
  const organisationId = user.organisation.id
  const formData = await request.formData()
  const intent = String(formData.get('intent') ?? '')
  const siteId = String(formData.get('siteId') ?? '')
  const record = (tx: Parameters<typeof audit>[0], action: string, subjectType: string, subjectId: string) =>
    audit(tx, { actorUserId: user.id, organisationId, action, subjectType, subjectId })
  const saved = async (message: string) => redirect('/werkgever/organisatie', await withToast({ kind: 'success', message }))

  if (intent === 'profile') {
    const submission = parseWithZod(formData, { schema: contactSchema })
    if (submission.status !== 'success') return json({ intent, siteId, result: submission.reply() }, { status: 400 })
    await db().transaction(async (tx) => {
      await updateOwnProfile(tx, organisationId, submission.value)
      await record(tx, 'employer.profile-updated', 'organisation', organisationId)
    })
    throw await saved('De gegevens van uw organisatie zijn opgeslagen.')
  }
  if (intent === 'add-site' || intent === 'edit-site') {
    const submission = parseWithZod(formData, { schema: intent === 'add-site' ? siteSchema : EditSiteSchema })
    if (submission.status !== 'success') return json({ intent, siteId, result: submission.reply() }, { status: 400 })
    const { municipalityNis: _, ...site } = submission.value
    const place = await resolveSite(db(), submission.value)
    if (!place.ok) return json({ intent, siteId, result: submission.reply({ fieldErrors: { [place.field]: [place.message] } }) }, { status: 400 })
    const resolved = { ...site, municipality: place.municipality }
    const changed = await db().transaction(async (tx) => {
      const id =
        intent === 'add-site' ? await addOwnSite(tx, organisationId, resolved) : (await updateOwnSite(tx, organisationId, siteId, resolved)) && siteId
      if (id) await record(tx, intent === 'add-site' ? 'employer.site-added' : 'employer.site-updated', 'employer_site', id)
      return Boolean(id)
    })
    if (!changed) throw new Response('Deze vestiging bestaat niet of hoort niet bij uw organisatie.', { status: 404 })
    throw await saved(intent === 'add-site' ? `Vestiging ${site.name} is toegevoegd.` : `Vestiging ${site.name} is opgeslagen.`)
  }
  if (intent === 'remove-site') {
    const submission = parseWithZod(formData, { schema: SiteIdSchema })
    if (submission.status !== 'success') throw new Response('Deze vestiging bestaat niet.', { status: 404 })
    const outcome = await db().transaction(async (tx) => {
      const removal = await removeOwnSite(tx, organisationId, siteId)
      if (removal === 'removed') await record(tx, 'employer.site-removed', 'employer_site', siteId)
      return removal
    })
    if (outcome === 'removed') throw await saved('De vestiging is verwijderd.')
    return json({ intent, siteId, result: submission.reply({ formErrors: [removalProblems[outcome]] }) }, { status: 409 })
  }
  throw new Response('Dit formulier kennen we niet.', { status: 400 })
}

export default function OwnOrganisationPage() {
  const { employer, sharedPostcodes } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { organisation, profile, sites } = employer
  const resultFor = (intent: string, siteId = '') =>
    actionData?.intent === intent && actionData.siteId === siteId ? actionData.result : undefined
  return (
    <>
      <h1>{organisation.name}</h1>
      <section className="card mt-6" aria-labelledby="status-title">
        <h2 id="status-title">Verificatie: {verificationStatusLabels[profile.verificationStatus]}</h2>
        <p className="mt-2">{verificationStatusTexts[profile.verificationStatus]}</p>
        {profile.verificationStatus === 'rejected' ? (
          <>
            <p className="mt-2">Reden: {profile.verificationReason}</p>
            <p className="mt-2">Kloppen uw gegevens niet? Pas ze hieronder aan en neem contact op met het OCMW of VDAB in uw regio.</p>
          </>
        ) : null}
      </section>
      <dl className="mt-6 grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">Ondernemingsnummer</dt>
        <dd>{organisation.enterpriseNumber}</dd>
        <dt className="font-semibold">Soort organisatie</dt>
        <dd>{organisation.employerType ? employerTypeLabels[organisation.employerType].label : ''}</dd>
      </dl>
      <section className="mt-8" aria-labelledby="profile-title">
        <h2 id="profile-title">Sector en contactpersoon</h2>
        <EmployerProfileForm defaultValue={profile} lastResult={resultFor('profile')} />
      </section>
      <section className="mt-8" aria-labelledby="sites-title">
        <h2 id="sites-title">Vestigingen</h2>
        {sites.map((site) => (
          <EmployerSiteCard
            key={site.id}
            site={site}
            removable={sites.length > 1 && site.placements === 0}
            editResult={resultFor('edit-site', site.id)}
            removeResult={resultFor('remove-site', site.id)}
            sharedPostcodes={sharedPostcodes}
          />
        ))}
        <div className="card mt-4">
          <h3 className="font-semibold">Vestiging toevoegen</h3>
          {/* A new key after every added site empties the form again. */}
          <SiteForm key={sites.length} id="add-site" intent="add-site" lastResult={resultFor('add-site')} sharedPostcodes={sharedPostcodes} submitLabel="Vestiging toevoegen" />
        </div>
      </section>
    </>
  )
}

export const meta: MetaFunction = () => [{ title: 'Uw organisatie – Stapsteen' }]

export function ErrorBoundary() {
  return <ErrorPage />
}
