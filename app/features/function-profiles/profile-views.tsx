import { Form, Link } from '@remix-run/react'
import { type OccupationOption, OccupationPicker } from '#app/components/occupation-picker'

export type ProfileSummary = { id: string; title: string; occupation: string; organisation: string; own: boolean; publishedAt: string | null }
type Phase = { title: string; competences: string[]; tasks: string[] }

/** Who may read it, in words: a published profile is shared with every OCMW and VDAB team. */
const sharing = (p: { own: boolean; publishedAt: string | null; organisation: string }) =>
  p.own ? (p.publishedAt ? 'Gedeeld met alle OCMW’s en VDAB' : 'Alleen je eigen organisatie') : `Gedeeld door ${p.organisation}`

/** The search by occupation (a GET form, so a search is a link) and the profiles found. */
export function ProfileSearch({ query, chosen, hits, profiles }: { query: string; chosen: OccupationOption | null; hits: OccupationOption[] | null; profiles: ProfileSummary[] }) {
  return (
    <>
      <Form method="get" className="mt-4 max-w-3xl">
        <OccupationPicker queryName="beroep" uriName="uri" defaultQuery={query} chosen={chosen} serverHits={hits} label="Beroep" help="Zoek profielen van een beroep." />
        <button type="submit" className="btn-primary">
          Profielen tonen
        </button>
      </Form>
      <h2 className="mt-8">{profiles.length === 1 ? '1 profiel' : `${profiles.length} profielen`}</h2>
      {profiles.length === 0 ? <p className="mt-2">Geen profielen gevonden. Bewaar er zelf een vanuit het traject van een cliënt.</p> : null}
      <ul className="mt-2 max-w-3xl space-y-3">
        {profiles.map((p) => (
          <li key={p.id} className="card">
            <Link to={`/begeleider/functieprofielen/${p.id}`} className="font-semibold">
              {p.title}
            </Link>
            <p>
              {p.occupation} · {sharing(p)}
            </p>
          </li>
        ))}
      </ul>
    </>
  )
}

/** A profile to read: per phase its competences and tasks. */
export function ProfileDetails({ profile }: { profile: ProfileSummary & { phases: Phase[] } }) {
  return (
    <>
      <p className="mt-2">
        {profile.occupation} · {sharing(profile)}
      </p>
      <ol className="mt-4 max-w-3xl space-y-4">
        {profile.phases.map((phase, index) => (
          <li key={index} className="card">
            <h2>
              Fase {index + 1}: {phase.title}
            </h2>
            <h3 className="mt-2 font-semibold">Competenties</h3>
            <ul className="list-disc pl-6">
              {phase.competences.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
            <h3 className="mt-2 font-semibold">Taken</h3>
            <ul className="list-disc pl-6">
              {phase.tasks.map((t) => (
                <li key={t}>{t}</li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </>
  )
}

/** On the POP page: start the competences from a profile of one of the client's job targets (a GET form, no JavaScript needed). */
export function PopProfileChoice({ profiles, chosenId }: { profiles: ProfileSummary[]; chosenId: string | null }) {
  if (profiles.length === 0) return null
  return (
    <Form method="get" className="mt-4 max-w-3xl rounded-md border border-slate-300 px-4 py-3">
      <label htmlFor="profiel" className="field-label">
        Starten van een functieprofiel
      </label>
      <p id="profiel-help" className="text-sm text-slate-700">
        De competenties van het profiel komen in het formulier; je past ze aan voor je bewaart.
      </p>
      <div className="mt-1 flex flex-wrap gap-2">
        <select id="profiel" name="profiel" defaultValue={chosenId ?? ''} aria-describedby="profiel-help" className="field-input mt-0 max-w-md flex-1 bg-white">
          <option value="">– Geen profiel –</option>
          {profiles.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title} ({p.occupation}, {p.own ? 'eigen organisatie' : p.organisation})
            </option>
          ))}
        </select>
        <button type="submit" className="btn-secondary">
          Profiel gebruiken
        </button>
      </div>
    </Form>
  )
}
