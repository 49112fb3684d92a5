import type { ReactNode } from 'react'
import { formatDate } from '#domain/compensation-labels'
import { workHoursText } from '#domain/job-posting'
import { dutchLevelLabels, employerTypeLabels, instrumentLabels, supportLabels } from '#domain/placement-values'

type Labelled = Record<string, { label: string; help?: string }>

export type PlacementDetailsData = {
  occupation: { label: string; altLabels: string[] }
  employer: { name: string; type: string | null }
  location: { street: string | null; postcode: string | null; municipality: string; province: string; region: string }
  hoursPerWeek: number
  schedule: string[]
  startDate: string | null
  places: number
  /** Only while it lies ahead: "volzet tot". */
  fullUntil: string | null
  dutchLevel: string
  support: string[]
  instruments: string[]
}

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="border-b border-slate-200 py-3 sm:grid sm:grid-cols-3 sm:gap-4">
      <dt className="font-semibold">{term}</dt>
      <dd className="mt-1 sm:col-span-2 sm:mt-0">{children}</dd>
    </div>
  )
}

/** Values with their label and, where there is one, the plain explanation beneath. */
function Explained({ values, labels }: { values: string[]; labels: Labelled }) {
  if (values.length === 0) return <>Niet opgegeven</>
  return (
    <ul className="space-y-1">
      {values.map((v) => (
        <li key={v}>
          {labels[v]?.label ?? v}
          {labels[v]?.help ? <span className="block text-sm text-slate-700">{labels[v]?.help}</span> : null}
        </li>
      ))}
    </ul>
  )
}

/** The facts of a placement as a definition list: what a caseworker and a candidate need to decide. */
export function PlacementDetails({ data }: { data: PlacementDetailsData }) {
  const { occupation, employer, location } = data
  const employerType = employer.type ? employerTypeLabels[employer.type as keyof typeof employerTypeLabels]?.label : undefined
  return (
    <dl className="mt-4 max-w-3xl">
      <Row term="Jobdoelwit">
        {occupation.label}
        {occupation.altLabels.length > 0 ? <span className="block text-sm text-slate-700">Ook: {occupation.altLabels.join(', ')}</span> : null}
      </Row>
      <Row term="Werkgever">
        {employer.name}
        {employerType ? ` (${employerType.toLowerCase()})` : ''}
      </Row>
      <Row term="Waar">
        {[location.street, [location.postcode, location.municipality].filter(Boolean).join(' ')].filter(Boolean).join(', ')}
        <span className="block text-sm text-slate-700">
          {location.province} ({location.region})
        </span>
      </Row>
      <Row term="Uren">{workHoursText(data.hoursPerWeek, data.schedule)}</Row>
      <Row term="Start">{data.startDate ? `Vanaf ${formatDate(data.startDate)}` : 'Meteen'}</Row>
      <Row term="Plaatsen">
        {data.places}
        {data.fullUntil ? ` – nu volzet, tot ${formatDate(data.fullUntil)}` : ''}
      </Row>
      <Row term="Nederlands">
        <Explained values={[data.dutchLevel]} labels={dutchLevelLabels} />
      </Row>
      <Row term="Ondersteuning">
        <Explained values={data.support} labels={supportLabels} />
      </Row>
      <Row term="Maatregelen">
        <Explained values={data.instruments} labels={instrumentLabels} />
      </Row>
    </dl>
  )
}
