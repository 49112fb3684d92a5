import { Link } from '@remix-run/react'
import { roleLabels, type Role } from '#domain/permissions'

type Overview = {
  organisation: { name: string }
  municipalities: { nis: string; name: string }[]
  regions: { code: string; name: string }[]
  members: { name: string; email: string; role: Role }[]
  /** Where a coordinator manages these colleagues; null for everyone else. */
  staffPage: string | null
}

/** Who you work for, where, and with whom: the first thing every staff member sees on their home page. */
export function OrganisationOverview({ overview }: { overview: Overview }) {
  const { organisation, municipalities, regions, members, staffPage } = overview
  return (
    <div className="mt-6 grid gap-6 md:grid-cols-2">
      <section className="card" aria-labelledby="org-title">
        <h2 id="org-title">{organisation.name}</h2>
        {municipalities.length > 0 ? (
          <p className="mt-2">Werkgebied: {municipalities.map((m) => m.name).join(', ')}</p>
        ) : null}
        {regions.length > 0 ? <p className="mt-2">Referentieregio: {regions.map((r) => r.name).join(', ')}</p> : null}
      </section>
      <section className="card" aria-labelledby="team-title">
        <h2 id="team-title">Collega's op Stapsteen</h2>
        <ul className="mt-2 space-y-1">
          {members.map((m) => (
            <li key={m.email}>
              {m.name} <span className="text-slate-700">– {roleLabels[m.role]}</span>
            </li>
          ))}
        </ul>
        {staffPage ? (
          <p className="mt-3">
            <Link to={staffPage}>Medewerkers beheren</Link>: uitnodigen, rol wijzigen, deactiveren.
          </p>
        ) : null}
      </section>
    </div>
  )
}
