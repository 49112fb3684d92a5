import { BandMarker } from '#app/components/flanders-map'
import { employerTypeLabels, instrumentLabels } from '#domain/placement-values'
import type { Comparison, ScheduleLine } from './comparison'
import { describeDeviation, describeEstimate, formatDate } from '#domain/compensation-labels'
import { formatEuro } from '#domain/compensation-rules'
import { RuleCells } from './rules-table'
import { ScrollTable } from '#app/components/scroll-table'

const cell = 'py-2 pr-3'

function LineCells({ line }: { line: ScheduleLine | null }) {
  const current = line?.current
  if (!current) {
    const planned = line?.history.findLast((v) => v.status === 'planned')
    return (
      <td colSpan={7} className={cell}>
        Nog geen regeling{planned ? ` (gepland vanaf ${formatDate(planned.validFrom)})` : ''}.
      </td>
    )
  }
  if (!current.rule || !current.estimate) {
    return (
      <>
        <td colSpan={5} className={cell}>
          Geen regeling voor dit instrument en deze soort werkgever.
        </td>
        <td className={cell}>{formatDate(current.validFrom)}</td>
        <td className={cell}>–</td>
      </>
    )
  }
  return (
    <>
      <RuleCells rule={current.rule} cell={cell} estimate={describeEstimate(current.estimate)} />
      <td className={cell}>
        {formatDate(current.validFrom)}
        {current.isDemo ? ' (demo)' : ''}
      </td>
      <td className={cell}>
        {current.deviation ? (
          <span className="inline-flex items-center gap-1">
            <BandMarker band={current.deviation.band} />
            {describeDeviation(current.deviation)}
          </span>
        ) : (
          '–'
        )}
      </td>
    </>
  )
}

/** All regions side by side for one instrument and employer type; OCMW deviations under their region. */
export function ComparisonTable({ comparison: c }: { comparison: Comparison }) {
  return (
    <>
      <ScrollTable
        id={`comparison-${c.instrument}-${c.employerType}`}
        caption={`${instrumentLabels[c.instrument].label}, ${employerTypeLabels[c.employerType].label.toLowerCase()}: wat de werkgever betaalt per referentieregio, op ${formatDate(c.on)}`}
        captionClass="mb-2 text-left font-semibold"
        headings={[
          'Referentieregio',
          'Werkgever betaalt',
          `Geschatte kost bij ${c.hours} uur per week`,
          'Deelnemer krijgt',
          'Gedekt',
          'Geldt vanaf',
          'Verschil met de Vlaamse mediaan',
        ]}
        headingClass={`${cell} align-bottom`}
        className=""
        tableClass="text-sm"
      >
        {c.rows.flatMap((row) => [
          <tr key={row.region.code} className="border-t border-slate-300 align-top">
            <th scope="row" className={`${cell} font-semibold`}>
              {row.region.name}
            </th>
            <LineCells line={row.own} />
          </tr>,
          ...row.deviations.map((line) => (
            <tr key={`${row.region.code}-${line.ocmw!.id}`} className="align-top">
              <th scope="row" className={`${cell} pl-6 font-normal`}>
                Afwijking van {line.ocmw!.name} <span className="block text-slate-700">binnen {row.region.name}</span>
              </th>
              <LineCells line={line} />
            </tr>
          )),
        ])}
      </ScrollTable>
      <p className="mt-2">
        {c.medianMonthlyCents === null
          ? 'Geen enkele regio heeft hier een regeling, dus er is nog geen Vlaamse mediaan.'
          : `Vlaamse mediaan: ${formatEuro(Math.round(c.medianMonthlyCents))} per maand bij ${c.hours} uur per week, over de regio's met een regeling (zonder OCMW-afwijkingen). Eenmalige bedragen tellen niet mee.`}
      </p>
    </>
  )
}
