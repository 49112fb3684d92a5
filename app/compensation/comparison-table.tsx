import { BandMarker } from '~/components/flanders-map'
import { employerTypeLabels, instrumentLabels } from '~/domain/placement-values'
import type { Comparison, ScheduleLine } from './comparison'
import { describeCovers, describeDeviation, describeEmployerPays, describeEstimate, describeWage, formatDate } from './labels'
import { formatEuro } from './rules'

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
      <td className={cell}>{describeEmployerPays(current.rule)}</td>
      <td className={cell}>{describeEstimate(current.estimate)}</td>
      <td className={cell}>{describeWage(current.rule)}</td>
      <td className={cell}>{describeCovers(current.rule.covers)}</td>
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
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="mb-2 text-left font-semibold">
          {instrumentLabels[c.instrument].label}, {employerTypeLabels[c.employerType].label.toLowerCase()}: wat de werkgever betaalt per
          referentieregio, op {formatDate(c.on)}
        </caption>
        <thead>
          <tr className="border-b border-slate-400 align-bottom">
            <th scope="col" className={cell}>
              Referentieregio
            </th>
            <th scope="col" className={cell}>
              Werkgever betaalt
            </th>
            <th scope="col" className={cell}>
              Geschatte kost bij {c.hours} uur per week
            </th>
            <th scope="col" className={cell}>
              Deelnemer krijgt
            </th>
            <th scope="col" className={cell}>
              Gedekt
            </th>
            <th scope="col" className={cell}>
              Geldt vanaf
            </th>
            <th scope="col" className={cell}>
              Verschil met de Vlaamse mediaan
            </th>
          </tr>
        </thead>
        <tbody>
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
        </tbody>
      </table>
      <p className="mt-2">
        {c.medianMonthlyCents === null
          ? 'Geen enkele regio heeft hier een regeling, dus er is nog geen Vlaamse mediaan.'
          : `Vlaamse mediaan: ${formatEuro(Math.round(c.medianMonthlyCents))} per maand bij ${c.hours} uur per week, over de regio's met een regeling (zonder OCMW-afwijkingen). Eenmalige bedragen tellen niet mee.`}
      </p>
    </div>
  )
}
