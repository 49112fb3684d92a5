import { Link } from '@remix-run/react'
import { formatDate } from '#domain/compensation-labels'

export type TodoView = {
  decisions: { clientId: string; displayName: string; lastActivityOn: string }[]
  outflows: { clientId: string; displayName: string; dueOn: string }[]
}

const trajectoryPath = (clientId: string) => `/begeleider/clienten/${clientId}/traject`

/** The begeleider's own trajectories that wait for them (follow-up.server.ts loadBegeleiderTodo), each with its page. */
export function TodoList({ todo }: { todo: TodoView }) {
  const empty = todo.decisions.length === 0 && todo.outflows.length === 0
  return (
    <section aria-labelledby="todo-title" className="mt-6 max-w-3xl">
      <h2 id="todo-title">Te doen</h2>
      {empty ? <p className="mt-2">Geen traject wacht op een beslissing of op de uitstroom.</p> : null}
      {todo.decisions.length > 0 ? (
        <>
          <h3 className="mt-3 font-semibold">Beslis: schorsen of stopzetten (meer dan 3 maanden niets gebeurd)</h3>
          <ul className="mt-1 list-disc pl-6">
            {todo.decisions.map((d) => (
              <li key={d.clientId}>
                <Link to={trajectoryPath(d.clientId)}>{d.displayName}</Link> — laatste activiteit op {formatDate(d.lastActivityOn)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {todo.outflows.length > 0 ? (
        <>
          <h3 className="mt-3 font-semibold">Uitstroom invullen (3 maanden na het einde)</h3>
          <ul className="mt-1 list-disc pl-6">
            {todo.outflows.map((o) => (
              <li key={o.clientId}>
                <Link to={`${trajectoryPath(o.clientId)}/uitstroom`}>{o.displayName}</Link> — sinds {formatDate(o.dueOn)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  )
}
