import { useLoaderData } from '@remix-run/react'
import type { ReactNode } from 'react'
import type { roleHomeLoader } from './role-home.server'
import { OrganisationOverview } from '#app/features/organisations/organisation-overview'

export function RoleHome({ title, children }: { title: string; children?: ReactNode }) {
  const { userName, overview } = useLoaderData<typeof roleHomeLoader>()
  return (
    <>
      <h1>{title}</h1>
      <p className="mt-2 text-lg">Welkom, {userName}.</p>
      {children}
      <OrganisationOverview overview={overview} />
    </>
  )
}
