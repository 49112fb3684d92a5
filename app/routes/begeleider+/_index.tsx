import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { requireUserWithPermission } from '#app/auth/session.server'
import { ErrorPage } from '#app/components/error-page'
import { RoleHome } from '#app/features/home/role-home'
import { ownOrganisationOverview } from '#app/features/organisations/own-organisation.server'
import { loadBegeleiderTodo } from '#app/features/trajectories/follow-up.server'
import { TodoList } from '#app/features/trajectories/todo-list'
import { brusselsDate } from '#domain/intake-working-days'

// The role home's data (roleHomeLoader) plus the begeleider's own "Te doen" list.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, 'dashboard:caseworker')
  const [overview, todo] = await Promise.all([ownOrganisationOverview(user), loadBegeleiderTodo(user, brusselsDate())])
  return json({ userName: user.name, overview, todo })
}

export default function CaseworkerHome() {
  const { todo } = useLoaderData<typeof loader>()
  return (
    <RoleHome title="Trajectbegeleiding">
      <p className="mt-2 max-w-3xl">Hier zoek je werkervaringsplaatsen die passen bij de jobdoelwitten van je cliënten.</p>
      <TodoList todo={todo} />
    </RoleHome>
  )
}

export const meta: MetaFunction = () => [{ title: 'Trajectbegeleiding – Stapsteen' }]

export function ErrorBoundary() {
  return <ErrorPage />
}
