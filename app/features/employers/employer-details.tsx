import { normaliseKbo } from '#domain/kbo'

/** The enterprise number, linked to the public KBO search so an admin can check that the employer exists. */
export function KboLink({ enterpriseNumber }: { enterpriseNumber: string | null }) {
  if (!enterpriseNumber) return <>onbekend</>
  const href = `https://kbopub.economie.fgov.be/kbopub/zoeknummerform.html?nummer=${normaliseKbo(enterpriseNumber)}`
  return (
    <a href={href} rel="noreferrer" className="whitespace-nowrap">
      {enterpriseNumber}
      <span className="sr-only"> (opzoeken in de KBO, externe website)</span>
    </a>
  )
}

type Site = { name: string; street: string | null; postcode: string; municipality: string }

export function EmployerSiteList({ sites }: { sites: Site[] }) {
  return (
    <ul className="space-y-1">
      {sites.map((site, index) => (
        <li key={`${site.name}-${index}`}>
          <span className="font-semibold">{site.name}</span>: {[site.street, `${site.postcode} ${site.municipality}`].filter(Boolean).join(', ')}
        </li>
      ))}
    </ul>
  )
}
