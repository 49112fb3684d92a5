import { Form, Link, useLoaderData } from '@remix-run/react'
import { roleLabels } from '#domain/permissions'
import { Field, SelectField } from '#app/components/forms'
import { ScrollTable } from '#app/components/scroll-table'
import { staffAreas } from './staff-areas'
import { statusParams } from './staff-filter'
import { roleWithMark, staffStatusLabels } from './staff-form'
import { formatDateTime } from '#app/utils/dates'
import type { staffListLoader } from './staff-pages.server'

const intro = {
  all: 'Alle accounts op Stapsteen.',
  regions: "De medewerkers van de OCMW's, VDAB-teams en outreachpartners in jouw regio's, en de werkgevers met een vestiging daar.",
  organisation: 'De trajectbegeleiders, triage- en outreachmedewerkers van je organisatie.',
}

/** Who the user manages, filtered by a GET form; each name opens the person's page. */
export function StaffListPage() {
  const { area, reach, actorOrganisation, roles, filter, organisation, rows, more } = useLoaderData<typeof staffListLoader>()
  const { path, title } = staffAreas[area]
  const showOrganisation = reach !== 'organisation'
  const withoutOrganisation = new URLSearchParams(Object.entries(filter).filter(([name, value]) => value !== '' && name !== 'organisatie'))
  const inviteHref = organisation ? `${path}/nieuw?organisatie=${organisation.id}` : `${path}/nieuw`
  return (
    <>
      <h1>{title}</h1>
      <p className="mt-2 max-w-3xl">
        {intro[reach]}
        {reach === 'organisation' ? ` (${actorOrganisation})` : ''}
      </p>
      <p className="mt-4">
        <Link to={inviteHref} className="btn-primary">
          Iemand uitnodigen
        </Link>
      </p>
      <Form method="get" className="card mt-6" aria-labelledby="staff-filter-title">
        <h2 id="staff-filter-title">Filteren</h2>
        {organisation ? (
          <p className="mt-2">
            <input type="hidden" name="organisatie" value={organisation.id} />
            Alleen de mensen van <strong>{organisation.name}</strong>.{' '}
            <Link to={`${path}?${withoutOrganisation}`}>Toon alle organisaties</Link>
          </p>
        ) : null}
        <div className="mt-4 grid gap-x-6 sm:grid-cols-3">
          <Field
            label="Naam, e-mailadres of organisatie"
            inputProps={{ id: 'filter-zoek', name: 'zoek', type: 'search', defaultValue: filter.zoek, autoComplete: 'off' }}
          />
          <SelectField
            label="Rol"
            options={[{ value: '', label: 'Alle rollen' }, ...roles.map((role) => ({ value: role, label: roleLabels[role] }))]}
            selectProps={{ id: 'filter-rol', name: 'rol', defaultValue: filter.rol }}
          />
          <SelectField
            label="Status"
            options={[{ value: '', label: 'Alle statussen' }, ...Object.entries(statusParams).map(([value, status]) => ({ value, label: staffStatusLabels[status] }))]}
            selectProps={{ id: 'filter-status', name: 'status', defaultValue: filter.status }}
          />
        </div>
        <div className="flex flex-wrap items-center gap-4">
          <button type="submit" className="btn-secondary">
            Toon
          </button>
          <Link to={path}>Alle filters wissen</Link>
        </div>
      </Form>
      <p className="mt-6">
        {rows.length === 1 ? '1 persoon' : `${rows.length} personen`}
        {more ? `. Er zijn er meer dan we tonen: filter om ze te vinden.` : '.'}
      </p>
      {rows.length > 0 ? (
        <ScrollTable
          id="staff-caption"
          caption={`${title}, op naam`}
          headings={['Naam', 'E-mailadres', 'Rol', ...(showOrganisation ? ['Organisatie'] : []), 'Laatst ingelogd', 'Status']}
          headingClass="px-2 py-2 align-bottom"
          tableClass="align-top"
        >
          {rows.map((person) => (
            <tr key={person.id} className="border-b border-slate-200">
              <th scope="row" className="px-2 py-2 font-semibold">
                <Link to={`${path}/${person.id}`}>{person.name}</Link>
              </th>
              <td className="px-2 py-2 break-all">{person.email}</td>
              <td className="px-2 py-2">{roleWithMark(person.role, person.coordinator)}</td>
              {showOrganisation ? <td className="px-2 py-2">{person.organisationName}</td> : null}
              <td className="px-2 py-2">{person.lastLoginAt ? formatDateTime(person.lastLoginAt) : 'nog niet ingelogd'}</td>
              <td className="px-2 py-2">{staffStatusLabels[person.status]}</td>
            </tr>
          ))}
        </ScrollTable>
      ) : null}
    </>
  )
}
