import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData } from '@remix-run/react'
import { ErrorPage } from '#app/components/error-page'
import { ImportFormats, ImportUploadForm, RejectedReport } from '#app/features/placement-import/placement-import'
import { importPageAction, importPageLoader } from '#app/features/placement-import/placement-import.server'

export const loader = ({ request }: LoaderFunctionArgs) => importPageLoader(request, 'placement:import')

// A regional admin imports only placements in their own reference regions; a platform admin everywhere.
export const action = ({ request }: ActionFunctionArgs) => importPageAction(request, 'placement:import', '/admin/importeren')

export default function AdminImportPage() {
  const actionData = useActionData<typeof action>()
  return (
    <>
      <h1>Plaatsen importeren</h1>
      <p className="mt-2 max-w-3xl">
        Zet plaatsen van werkgevers in bulk in Stapsteen, bijvoorbeeld een export uit het systeem van een OCMW of VDAB. Een werkgever
        die nog niet bestaat, wordt aangemaakt en meteen geverifieerd: met de import sta je in voor deze werkgevers. Een regionale
        beheerder importeert alleen plaatsen in de eigen referentieregio's.
      </p>
      <ImportUploadForm lastResult={actionData?.result} />
      {actionData?.report ? <RejectedReport report={actionData.report} /> : null}
      <ImportFormats />
    </>
  )
}

export const meta: MetaFunction = () => [{ title: 'Plaatsen importeren – Beheer – Stapsteen' }]

export function ErrorBoundary() {
  return <ErrorPage />
}
