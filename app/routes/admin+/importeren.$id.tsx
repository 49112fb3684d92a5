import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { ErrorPage } from '#app/components/error-page'
import { ImportRunPanel } from '#app/features/placement-import/import-run'
import { importRunLoader } from '#app/features/placement-import/placement-import.server'

export const loader = ({ request, params }: LoaderFunctionArgs) => importRunLoader(request, 'placement:import', params.id)

export default function AdminImportRunPage() {
  const { run } = useLoaderData<typeof loader>()
  return <ImportRunPanel run={run} uploadAgain="/admin/importeren" />
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Import van ${data?.run.fileName ?? 'een bestand'} – Beheer – Stapsteen` }]

export function ErrorBoundary() {
  return <ErrorPage />
}
