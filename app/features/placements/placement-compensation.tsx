import type { PlacementCompensationData } from '#app/features/compensation/placement-compensation.server'
import { describeCovers, describeEmployerPays, describeEstimate, describeWage, formatDate } from '#domain/compensation-labels'
import { DemoNotice } from '#app/features/compensation/demo-notice'
import { employerTypeLabels, instrumentLabels } from '#domain/placement-values'

const hoursFormat = new Intl.NumberFormat('nl-BE', { maximumFractionDigits: 1 })

/**
 * What a placement costs its employer, per instrument it accepts: the schedule that applies where the
 * placement is, and the estimated monthly cost for its hours. Takes compensationForPlacement's result.
 */
export function PlacementCompensation({ data }: { data: PlacementCompensationData }) {
  const hours = hoursFormat.format(data.hoursPerWeek)
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="mb-2 text-left font-semibold">
          Kostprijs voor de werkgever ({employerTypeLabels[data.employerType].label.toLowerCase()}), geschat bij {hours} uur per week
        </caption>
        <thead>
          <tr className="border-b border-slate-400">
            <th scope="col" className="py-2 pr-3">
              Instrument
            </th>
            <th scope="col" className="py-2 pr-3">
              Regeling
            </th>
            <th scope="col" className="py-2 pr-3">
              Werkgever betaalt
            </th>
            <th scope="col" className="py-2 pr-3">
              Geschatte kost
            </th>
            <th scope="col" className="py-2 pr-3">
              Deelnemer krijgt
            </th>
            <th scope="col" className="py-2">
              Gedekt
            </th>
          </tr>
        </thead>
        <tbody>
          {data.items.map((item) => (
            <tr key={item.instrument} className="border-b border-slate-200 align-top">
              <th scope="row" className="py-2 pr-3 font-semibold">
                {instrumentLabels[item.instrument].label}
              </th>
              {item.status === 'none' ? (
                <td colSpan={5} className="py-2">
                  Nog geen regeling{data.regionName ? ` in ${data.regionName}` : ''} voor dit instrument.
                </td>
              ) : (
                <>
                  <td className="py-2 pr-3">
                    {item.ocmwName ? `Afwijking van ${item.ocmwName} (${item.regionName})` : item.regionName}, vanaf{' '}
                    {formatDate(item.validFrom)}
                    {item.isDemo ? ' (demowaarde)' : ''}
                  </td>
                  <td className="py-2 pr-3">{describeEmployerPays(item.rule)}</td>
                  <td className="py-2 pr-3">{describeEstimate(item.estimate)}</td>
                  <td className="py-2 pr-3">{describeWage(item.rule)}</td>
                  <td className="py-2">{describeCovers(item.rule.covers)}</td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {data.anyDemo ? <DemoNotice /> : null}
    </div>
  )
}
