import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireUserWithPermission } from '#app/auth/session.server'
import { adminRegionsOverview } from '#app/features/compensation/compensation.server'
import { formatDate } from '#domain/compensation-labels'
import { ErrorPage } from '#app/components/error-page'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, 'compensation:manage-region')
  return json({ regions: await adminRegionsOverview(user) })
}

const cell = 'py-2 pr-4'

export default function CompensationAdminPage() {
  const { regions } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>Vergoedingen beheren</h1>
      <p className="mt-2 max-w-3xl">
        Hier leg je vast wat werkgevers in jouw referentieregio's betalen voor een werkervaringsplaats. Een wijziging is een nieuwe versie
        vanaf een datum; vorige versies blijven zichtbaar. <Link to="/vergoedingen">Vergelijk alle regio's</Link>.
      </p>
      <table className="mt-6 w-full text-left">
        <caption className="sr-only">Jouw referentieregio's en hun regelingen</caption>
        <thead>
          <tr className="border-b border-slate-400">
            <th scope="col" className={cell}>
              Regeling
            </th>
            <th scope="col" className={cell}>
              Geldt nu sinds
            </th>
            <th scope="col" className={cell}>
              Laatste versie vanaf
            </th>
            <th scope="col" className={cell}>
              <span className="sr-only">Beheren</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {regions.flatMap(({ region, schedules }) => {
            const own = schedules.find((s) => !s.ocmw)
            const lines = [{ key: region.code, name: region.name, ocmwId: null as string | null, schedule: own }].concat(
              schedules
                .filter((s) => s.ocmw)
                .map((s) => ({
                  key: s.ocmw!.id,
                  name: `Afwijking voor ${s.ocmw!.name} (${region.name})`,
                  ocmwId: s.ocmw!.id,
                  schedule: s,
                })),
            )
            return lines.map((line) => (
              <tr key={line.key} className="border-b border-slate-200">
                <th scope="row" className={`${cell} font-semibold`}>
                  {line.name}
                </th>
                <td className={cell}>{line.schedule?.current ? formatDate(line.schedule.current) : 'Nog geen regeling'}</td>
                <td className={cell}>{line.schedule?.latest ? formatDate(line.schedule.latest) : '–'}</td>
                <td className={cell}>
                  <Link to={`/admin/vergoedingen/${region.code}${line.ocmwId ? `?ocmw=${line.ocmwId}` : ''}`}>
                    Bekijk en wijzig<span className="sr-only"> {line.name}</span>
                  </Link>
                </td>
              </tr>
            ))
          })}
        </tbody>
      </table>
      {regions.length === 0 ? (
        <p className="mt-4">Je beheert nog geen referentieregio's. Vraag een platformbeheerder om je regio's toe te wijzen.</p>
      ) : null}
    </>
  )
}

export const meta: MetaFunction = () => [{ title: 'Vergoedingen beheren – Stapsteen' }]

export function ErrorBoundary() {
  return <ErrorPage />
}
