import type { PlacementCompensationData } from '#app/features/compensation/placement-compensation.server'
import { describeCovers, describeEmployerPays, describeEstimate, describeWage, formatDate } from '#domain/compensation-labels'
import { ScrollTable } from '#app/components/scroll-table'
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
    <>
      <ScrollTable
        id="placement-compensation-caption"
        caption={`Kostprijs voor de werkgever (${employerTypeLabels[data.employerType].label.toLowerCase()}), geschat bij ${hours} uur per week`}
        captionClass="mb-2 text-left font-semibold"
        headings={['Instrument', 'Regeling', 'Werkgever betaalt', 'Geschatte kost', 'Deelnemer krijgt', 'Gedekt']}
        headingClass="py-2 pr-3"
        className=""
        tableClass="text-sm"
      >
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
      </ScrollTable>
      {data.anyDemo ? <DemoNotice /> : null}
    </>
  )
}
