import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { compensationForPlacement } from '#app/features/compensation/placement-compensation.server'
import { todayIso } from '#domain/compensation-rules'
import { ErrorPage } from '#app/components/error-page'
import { PlacementCompensation } from '#app/features/placements/placement-compensation'
import { PlacementDetails } from '#app/features/placements/placement-details'
import { buildJobPosting, serializeJsonLd } from '#domain/job-posting'
import { db } from '#app/utils/db.server'
import { publicBaseUrl } from '#app/utils/public-url.server'
import { getPublicPlacement } from '#db/queries/public-placements'

/** Public: no login. Only published placements of verified employers; anything else is "not found". */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const row = z.string().uuid().safeParse(params.id).success ? await getPublicPlacement(db(), params.id!) : undefined
  if (!row) throw new Response('Deze plaats bestaat niet of is niet (meer) openbaar.', { status: 404 })
  const { placement: p, employer, municipality, occupation } = row
  const location = { street: p.street, postcode: p.postcode, municipality: municipality.name, province: municipality.province, lat: p.lat, lon: p.lon }
  const jsonLd = buildJobPosting({
    url: new URL(`/plaatsen/${p.id}`, publicBaseUrl()).href,
    title: p.title,
    description: p.description,
    publishedAt: (p.publishedAt ?? p.updatedAt).toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    startDate: p.startDate,
    fullUntil: p.fullUntil,
    hoursPerWeek: p.hoursPerWeek,
    schedule: p.schedule,
    places: p.places,
    employerName: employer.name,
    occupation,
    location,
  })
  const compensation = employer.type
    ? await compensationForPlacement(db(), { municipalityNis: p.municipalityNis, instruments: p.instruments, employerType: employer.type, hoursPerWeek: p.hoursPerWeek })
    : null
  return json({
    title: p.title,
    description: p.description,
    tasks: p.tasks,
    competences: p.competences,
    details: {
      occupation: { label: occupation.label, altLabels: occupation.altLabels.slice(0, 6) },
      employer,
      location: { ...location, region: row.region },
      hoursPerWeek: p.hoursPerWeek,
      schedule: p.schedule,
      startDate: p.startDate,
      places: p.places,
      fullUntil: p.fullUntil && p.fullUntil >= todayIso() ? p.fullUntil : null,
      dutchLevel: p.dutchLevel,
      support: p.support,
      instruments: p.instruments,
    },
    compensation,
    jsonLd: serializeJsonLd(jsonLd),
  })
}

function List({ title, items }: { title: string; items: string[] }) {
  if (items.length === 0) return null
  return (
    <section className="mt-8 max-w-3xl">
      <h2>{title}</h2>
      <ul className="mt-2 list-disc pl-6">
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </section>
  )
}

export default function PublicPlacementPage() {
  const { title, description, tasks, competences, details, compensation, jsonLd } = useLoaderData<typeof loader>()
  return (
    <article>
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLd }} />
      <p>
        <Link to="/plaatsen">← Alle werkervaringsplaatsen</Link>
      </p>
      <h1 className="mt-2">{title}</h1>
      <p className="mt-2 text-lg">
        {details.employer.name}, {details.location.municipality}
      </p>
      <p className="mt-4 max-w-3xl rounded-md border border-brand-700 bg-brand-50 px-4 py-3 font-medium">
        Interesse? Vraag uw trajectbegeleider of bemiddelaar om u voor te stellen.
      </p>
      <PlacementDetails data={details} />
      <section className="mt-8 max-w-3xl">
        <h2>Over deze plaats</h2>
        <p className="mt-2 whitespace-pre-line">{description}</p>
      </section>
      <List title="Taken" items={tasks} />
      <List title="Wat u hier leert" items={competences} />
      <section className="mt-8 max-w-4xl">
        <h2>Wat deze plaats de werkgever kost</h2>
        {compensation ? <PlacementCompensation data={compensation} /> : <p className="mt-2">Nog niet bekend.</p>}
      </section>
    </article>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        { title: `${data.title} – Werkervaringsplaats – Stapsteen` },
        { name: 'description', content: data.description.slice(0, 160) },
      ]
    : [{ title: 'Plaats niet gevonden – Stapsteen' }]

export function ErrorBoundary() {
  return <ErrorPage />
}
