import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { ErrorPage } from '#app/components/error-page'
import { ImportFormats, ImportUploadForm, RejectedReport } from '#app/features/placement-import/placement-import'
import { importPageAction, importPageLoader } from '#app/features/placement-import/placement-import.server'

export const loader = ({ request }: LoaderFunctionArgs) => importPageLoader(request, 'placement:import-own')

// Records of another enterprise number than the employer's own are refused, record by record.
export const action = ({ request }: ActionFunctionArgs) => importPageAction(request, 'placement:import-own', '/werkgever/importeren')

export default function EmployerImportPage() {
  const { canImport } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <>
      <h1>Plaatsen importeren</h1>
      <p className="mt-2 max-w-3xl">
        Heeft u veel werkervaringsplaatsen, bijvoorbeeld in een spreadsheet of in uw eigen systeem? Dan zet u ze hier in één keer in
        Stapsteen. U kan alleen plaatsen van uw eigen organisatie importeren.
      </p>
      {canImport ? (
        <ImportUploadForm lastResult={actionData?.result} />
      ) : (
        <p className="card mt-6 max-w-2xl">
          Uw organisatie heeft nog geen ondernemingsnummer in Stapsteen. Zodra het ingevuld is, kan u hier plaatsen importeren.
        </p>
      )}
      {actionData?.report ? <RejectedReport report={actionData.report} /> : null}
      <ImportFormats />
    </>
  )
}

export const meta: MetaFunction = () => [{ title: 'Plaatsen importeren – Stapsteen' }]

export function ErrorBoundary() {
  return <ErrorPage />
}
