import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { ErrorPage } from '#app/components/error-page'
import { ImportRunPanel } from '#app/features/placement-import/import-run'
import { importRunLoader } from '#app/features/placement-import/placement-import.server'

export const loader = ({ request, params }: LoaderFunctionArgs) => importRunLoader(request, 'placement:import-own', params.id)

export default function EmployerImportRunPage() {
  const { run } = useLoaderData<typeof loader>()
  return <ImportRunPanel run={run} uploadAgain="/werkgever/importeren" />
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Import van ${data?.run.fileName ?? 'een bestand'} – Stapsteen` }]

export function ErrorBoundary() {
  return <ErrorPage />
}
