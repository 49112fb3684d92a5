import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireUserWithPermission } from '#app/auth/session.server'
import { ErrorPage } from '#app/components/error-page'
import { RoleHome } from '#app/features/home/role-home'
import { ownOrganisationOverview } from '#app/features/organisations/own-organisation.server'
import { loadBegeleiderTodo } from '#app/features/trajectories/follow-up.server'
import { TodoList } from '#app/features/trajectories/todo-list'
import { countIncomingTransfers } from '#app/features/trajectories/transfer.server'
import { brusselsDate } from '#domain/intake-working-days'

// The role home's data (roleHomeLoader) plus the begeleider's own "Te doen" list.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, 'dashboard:caseworker')
  const [overview, todo, transfers] = await Promise.all([ownOrganisationOverview(user), loadBegeleiderTodo(user, brusselsDate()), countIncomingTransfers(user)])
  return json({ userName: user.name, overview, todo, transfers })
}

export default function CaseworkerHome() {
  const { todo, transfers } = useLoaderData<typeof loader>()
  return (
    <RoleHome title="Trajectbegeleiding">
      <p className="mt-2 max-w-3xl">Hier zoek je werkervaringsplaatsen die passen bij de jobdoelwitten van je cliënten.</p>
      {transfers > 0 ? (
        <p className="mt-4 max-w-3xl font-semibold">
          <Link to="/begeleider/overdrachten">{transfers === 1 ? '1 traject wacht' : `${transfers} trajecten wachten`} op je team na een verhuis: beslis of jullie overnemen.</Link>
        </p>
      ) : null}
      <TodoList todo={todo} />
    </RoleHome>
  )
}

export const meta: MetaFunction = () => [{ title: 'Trajectbegeleiding – Stapsteen' }]

export function ErrorBoundary() {
  return <ErrorPage />
}
