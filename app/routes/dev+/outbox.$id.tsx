import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireUserWithPermission } from '#app/auth/session.server'
import { ErrorPage } from '#app/components/error-page'
import { formatDateTime } from '#app/utils/dates'
import { db } from '#app/utils/db.server'
import { getOutboxMessage, requireDevOutbox } from '#emails/outbox.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  requireDevOutbox()
  await requireUserWithPermission(request, 'outbox:read')
  const message = await getOutboxMessage(db(), params.id ?? '')
  if (!message) throw new Response('Deze e-mail bestaat niet.', { status: 404 })
  // Links listed separately: inside the sandboxed preview they cannot be followed.
  const links = [...new Set(message.text?.match(/https?:\/\/[^\s)\]]+/g) ?? [])]
  return json({ message, links })
}

export default function OutboxMessagePage() {
  const { message, links } = useLoaderData<typeof loader>()
  return (
    <>
      <p>
        <Link to="/dev/outbox">← Alle e-mails</Link>
      </p>
      <h1 className="mt-4">{message.subject}</h1>
      <dl className="mt-4 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        <dt className="font-semibold">Aan</dt>
        <dd className="break-all">{message.to}</dd>
        <dt className="font-semibold">Aangemaakt</dt>
        <dd>{formatDateTime(message.createdAt)}</dd>
        <dt className="font-semibold">Sjabloon</dt>
        <dd>{message.template}</dd>
      </dl>
      {links.length > 0 ? (
        <>
          <h2 className="mt-8">Links in deze e-mail</h2>
          <ul className="mt-2 list-disc pl-6">
            {links.map((href) => (
              <li key={href}>
                <a href={href} className="break-all">
                  {href}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {message.html === null || message.text === null ? (
        <p className="mt-8">De inhoud van deze e-mail is gewist: dat gebeurt na 30 dagen.</p>
      ) : (
        <>
          <h2 className="mt-8">Zoals de ontvanger ze ziet</h2>
          {/* sandbox without permissions: the mail's HTML can neither run scripts nor reach this page. */}
          <iframe title={`Inhoud van de e-mail: ${message.subject}`} sandbox="" src={`/dev/outbox/${message.id}/inhoud`} className="mt-3 h-[32rem] w-full border border-slate-300" />
          <h2 className="mt-8">Tekstversie</h2>
          <pre className="mt-3 wrap-break-word whitespace-pre-wrap rounded-md border border-slate-300 bg-slate-50 p-4">{message.text}</pre>
        </>
      )}
    </>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.message.subject ?? 'E-mail'} – Dev-outbox` }]

export function ErrorBoundary() {
  return <ErrorPage />
}
