import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { employerCostOverview } from '#app/features/compensation/compensation.server'
import { DemoNotice } from '#app/features/compensation/demo-notice'
import { HOURS_PARAM, parseHours } from '#app/features/compensation/hours'
import { describeEmployerPays, describeEstimate, formatDate } from '#domain/compensation-labels'
import { requireUserWithPermission } from '#app/auth/session.server'
import { ErrorPage } from '#app/components/error-page'
import { Field } from '#app/components/forms'
import { employerTypeLabels, instrumentLabels } from '#domain/placement-values'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, 'compensation:read-own')
  const input = parseHours(new URL(request.url).searchParams.get(HOURS_PARAM))
  return json({ input, overview: await employerCostOverview(user, input.hours) })
}

const hoursFormat = new Intl.NumberFormat('nl-BE', { maximumFractionDigits: 1 })

export default function EmployerCostsPage() {
  const { input, overview } = useLoaderData<typeof loader>()
  const { columns, employerType } = overview
  const instruments = columns[0]?.compensation.items.map((i) => i.instrument) ?? []
  const anyDemo = columns.some((c) => c.compensation.anyDemo)
  return (
    <>
      <h1>Wat kost een werkervaringsplaats?</h1>
      <p className="mt-2 max-w-3xl">
        Per vestiging ziet u wat u betaalt in de regio van die vestiging, als {employerTypeLabels[employerType].label.toLowerCase()}. Vul in
        hoeveel uur per week iemand bij u werkt; we rekenen met 52 weken verdeeld over 12 maanden.
      </p>
      <Form method="get" className="mt-6 flex max-w-md flex-wrap items-end gap-4">
        <div className="flex-1">
          <Field
            label="Uren per week"
            help="Tussen 1 en 40 uur."
            errors={input.error ? [input.error] : undefined}
            inputProps={{ name: HOURS_PARAM, defaultValue: input.value, inputMode: 'decimal', id: 'uren' }}
          />
        </div>
        <button type="submit" className="btn-primary mb-5">
          Bereken
        </button>
      </Form>
      {columns.length === 0 ? (
        <p className="mt-6">Uw organisatie heeft nog geen vestigingen op Stapsteen. Voeg eerst een vestiging toe.</p>
      ) : (
        <>
          <div className="mt-4 overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="mb-2 text-left font-semibold">
                Wat u betaalt per instrument en per vestiging, met de geschatte kost bij {hoursFormat.format(input.hours)} uur per week
              </caption>
              <thead>
                <tr className="border-b border-slate-400 align-bottom">
                  <th scope="col" className="py-2 pr-4">
                    Instrument
                  </th>
                  {columns.map(({ site }) => (
                    <th key={site.id} scope="col" className="py-2 pr-4">
                      {site.name}
                      <span className="block font-normal">
                        {site.municipalityName} – {site.regionName}
                      </span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {instruments.map((instrument, row) => (
                  <tr key={instrument} className="border-b border-slate-200 align-top">
                    <th scope="row" className="py-2 pr-4">
                      {instrumentLabels[instrument].label}
                    </th>
                    {columns.map(({ site, compensation }) => {
                      const item = compensation.items[row]!
                      return (
                        <td key={site.id} className="py-2 pr-4">
                          {item.status === 'none' ? (
                            'Nog geen regeling'
                          ) : (
                            <>
                              <span className="block font-semibold">
                                {item.rule.employerPaysUnit === 'none' ? describeEmployerPays(item.rule) : describeEstimate(item.estimate)}
                              </span>
                              {/* Only an hourly rate differs from the estimate; a monthly or one-off amount is the estimate. */}
                              {item.rule.employerPaysUnit === 'per_hour' ? (
                                <span className="block">{describeEmployerPays(item.rule)}</span>
                              ) : null}
                              <span className="block text-slate-700">
                                {item.ocmwName ? `Afwijking van ${item.ocmwName}, ` : ''}vanaf {formatDate(item.validFrom)}
                              </span>
                            </>
                          )}
                        </td>
                      )
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {anyDemo ? <DemoNotice /> : null}
          <p className="mt-4">
            <a href={`/werkgever/kosten.csv?${HOURS_PARAM}=${encodeURIComponent(String(input.hours))}`} download>
              Download deze tabel als CSV-bestand
            </a>
          </p>
        </>
      )}
    </>
  )
}

export const meta: MetaFunction = () => [{ title: 'Kosten per vestiging – Stapsteen' }]

export function ErrorBoundary() {
  return <ErrorPage />
}
