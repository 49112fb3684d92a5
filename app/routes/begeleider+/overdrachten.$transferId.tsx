import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { requireUserWithPermission } from '#app/auth/session.server'
import { ErrorPage } from '#app/components/error-page'
import { TransferDecisionForms } from '#app/features/trajectories/transfer-forms'
import { decideTransfer, requireIncomingTransfer } from '#app/features/trajectories/transfer.server'
import { parseWithZod } from '#app/utils/parse-form'
import { publicBaseUrl } from '#app/utils/public-url.server'
import { withToast } from '#app/utils/toast.server'
import { formatDate } from '#domain/compensation-labels'
import { brusselsDate } from '#domain/intake-working-days'
import { transferDecisionSchema, transferStatusLabels } from '#domain/trajectory-transfer'
import { trajectoryKindLabels } from '#domain/trajectory-values'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, 'client:manage-own-org')
  const t = await requireIncomingTransfer(user, params.transferId)
  return json({ transfer: { ...t, requestedAt: t.requestedAt.toISOString(), decidedAt: t.decidedAt?.toISOString() ?? null } })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, 'client:manage-own-org')
  const transfer = await requireIncomingTransfer(user, params.transferId)
  const submission = parseWithZod(await request.formData(), { schema: transferDecisionSchema })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  const outcome = await decideTransfer(user, transfer.id, submission.value, brusselsDate(), publicBaseUrl())
  switch (outcome.kind) {
    case 'accepted':
      throw redirect(`/begeleider/clienten/${outcome.clientId}/traject`, await withToast({ kind: 'success', message: 'Je nam het traject over. Vul de contactgegevens van de cliënt aan.' }))
    case 'declined':
      throw redirect('/begeleider/overdrachten', await withToast({ kind: 'success', message: 'Je weigerde de overdracht. De begeleider van de cliënt krijgt een e-mail.' }))
    case 'not-open':
      return json(submission.reply({ formErrors: ['Het traject loopt niet meer bij de andere organisatie: je kunt het niet overnemen.'] }), { status: 400 })
    case 'not-found':
      return json(submission.reply({ formErrors: ['Over deze overdracht is al beslist, of ze is ingetrokken.'] }), { status: 400 })
  }
}

export default function IncomingTransferPage() {
  const { transfer: t } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  return (
    <>
      <p>
        <Link to="/begeleider/overdrachten">← Overdrachten na verhuis</Link>
      </p>
      <h1 className="mt-2">Overdracht van {t.client}</h1>
      <dl className="card mt-4 max-w-3xl">
        <div className="sm:grid sm:grid-cols-3 sm:gap-4">
          <dt className="font-semibold">Van</dt>
          <dd className="sm:col-span-2">{t.from}</dd>
        </div>
        <div className="sm:grid sm:grid-cols-3 sm:gap-4">
          <dt className="font-semibold">Nieuwe gemeente</dt>
          <dd className="sm:col-span-2">{t.municipality}</dd>
        </div>
        <div className="sm:grid sm:grid-cols-3 sm:gap-4">
          <dt className="font-semibold">Traject</dt>
          <dd className="sm:col-span-2">
            {trajectoryKindLabels[t.kind]}, gestart {formatDate(t.startOn)}
          </dd>
        </div>
        <div className="sm:grid sm:grid-cols-3 sm:gap-4">
          <dt className="font-semibold">Status</dt>
          <dd className="sm:col-span-2">
            {transferStatusLabels[t.status]}
            {t.decidedAt ? ` op ${formatDate(t.decidedAt.slice(0, 10))}` : ''}
          </dd>
        </div>
      </dl>
      <h2 className="mt-6">Overdrachtsnota</h2>
      <p className="mt-2 max-w-3xl whitespace-pre-line">{t.note}</p>
      <p className="mt-4">
        <Link to={`/begeleider/gedeelde-trajecten/${t.trajectoryId}`}>Lees het hele traject (zonder vertrouwelijke notities)</Link>
      </p>
      {t.newClientId ? (
        <p className="mt-4">
          <Link to={`/begeleider/clienten/${t.newClientId}/traject`}>Naar het traject bij je organisatie</Link>
        </p>
      ) : null}
      {t.status === 'pending' ? (
        <>
          <h2 className="mt-6">Beslissen</h2>
          <p className="mt-2 max-w-3xl">
            Neem je over, dan maakt Stapsteen een cliënt en een traject bij je organisatie met dezelfde soort, reden en data (de termijnen tellen
            verder), met jou als begeleider en het laatste POP als versie 1. Contactgegevens en notities van de cliënt komen niet mee.
          </p>
          <TransferDecisionForms lastResult={lastResult} />
        </>
      ) : null}
    </>
  )
}

export const meta: MetaFunction = () => [{ title: 'Overdracht na verhuis – Stapsteen' }]

export function ErrorBoundary() {
  return <ErrorPage />
}
