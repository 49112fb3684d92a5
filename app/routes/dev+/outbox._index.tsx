import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireUserWithPermission } from '#app/auth/session.server'
import { ErrorPage } from '#app/components/error-page'
import { ScrollTable } from '#app/components/scroll-table'
import { formatDateTime } from '#app/utils/dates'
import { db } from '#app/utils/db.server'
import { listOutbox, requireDevOutbox } from '#emails/outbox.server'

export async function loader({ request }: LoaderFunctionArgs) {
  requireDevOutbox()
  await requireUserWithPermission(request, 'outbox:read')
  const messages = await listOutbox(db())
  return json({ messages: messages.map(({ html: _html, text: _text, ...summary }) => summary) })
}

const statusLabels = { queued: 'in de wachtrij', sent: 'verstuurd', failed: 'mislukt' } as const

export default function OutboxPage() {
  const { messages } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>Dev-outbox</h1>
      <p className="mt-2 max-w-3xl">
        Zonder <code>RESEND_API_KEY</code> verstuurt Stapsteen geen echte e-mails: ze komen hier terecht, zodat je ze kan lezen
        en de links erin kan volgen. Een link met een geheime code (zoals om een wachtwoord te kiezen) staat er pas
        volledig in als de e-mail verstuurd is; tot dan staat er <code>[verborgen]</code>. Na 30 dagen wordt de inhoud
        gewist, na 12 maanden de e-mail.
      </p>
      {messages.length === 0 ? (
        <p className="mt-6">Nog geen e-mails.</p>
      ) : (
        <ScrollTable id="outbox-caption" caption="E-mails, nieuwste eerst" headings={['Aangemaakt', 'Aan', 'Onderwerp', 'Status']} className="mt-6">
          {messages.map((m) => (
            <tr key={m.id} className="border-b border-slate-200">
              <td className="py-2 pr-4">{formatDateTime(m.createdAt)}</td>
              <td className="py-2 pr-4">{m.to}</td>
              <td className="py-2 pr-4">
                <Link to={m.id}>{m.subject}</Link>
              </td>
              <td className="py-2">{statusLabels[m.status]}</td>
            </tr>
          ))}
        </ScrollTable>
      )}
    </>
  )
}

export const meta: MetaFunction = () => [{ title: 'Dev-outbox – Stapsteen' }]

export function ErrorBoundary() {
  return <ErrorPage />
}
