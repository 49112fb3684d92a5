import { Form, Link } from '@remix-run/react'
import { Field, SelectField } from '#app/components/forms'
import { ScrollTable } from '#app/components/scroll-table'
import { type ManagedOrganisationType, managedOrganisationTypes } from './organisation-form-schema'
import { organisationTypeLabels } from '#domain/organisation-labels'
import type { OrganisationFilters } from '#db/queries/organisation-admin'
import type { ServedArea } from '#db/queries/organisations'
import type { Region } from '#db/queries/reference'

/** The list at /admin/organisaties and its CSV: filters in the address, a table, where each organisation works. */

/** The filters of /admin/organisaties as they appear in its address (?soort=ocmw&regio=REFREG13&zonder=medewerkers…). */
export type OrganisationFilterValues = { soort: string; regio: string; status: string; zoek: string; zonder: string[] }

export const ORGANISATION_PAGE_SIZE = 50
/** Flanders has some 300 OCMWs and VDAB teams: the CSV holds every organisation that matches. */
export const ORGANISATION_CSV_MAX_ROWS = 2000

const missing = { medewerkers: 'Zonder medewerkers (geen actief account)', contactadres: 'Zonder contactadres' } as const
const statuses = { actief: 'Actief', gedeactiveerd: 'Gedeactiveerd' } as const

/**
 * Filters come from a GET form, so every filtered view has its own address. A value that is not one of the
 * choices (an old or edited address) is left out, as if that filter were not set.
 */
export function parseOrganisationFilters(params: URLSearchParams, regionCodes: string[]) {
  const get = (name: string) => (params.get(name) ?? '').trim()
  const soort = managedOrganisationTypes.includes(get('soort') as ManagedOrganisationType) ? get('soort') : ''
  const values: OrganisationFilterValues = {
    soort,
    regio: regionCodes.includes(get('regio')) ? get('regio') : '',
    status: get('status') in statuses ? get('status') : '',
    zoek: get('zoek').slice(0, 100),
    zonder: params.getAll('zonder').filter((value) => value in missing),
  }
  const requested = Number.parseInt(params.get('pagina') ?? '1', 10)
  const page = Number.isSafeInteger(requested) && requested > 0 ? requested : 1
  const filters: OrganisationFilters = {
    type: (values.soort || undefined) as ManagedOrganisationType | undefined,
    regionCode: values.regio || undefined,
    status: values.status === 'actief' ? 'active' : values.status === 'gedeactiveerd' ? 'deactivated' : undefined,
    query: values.zoek || undefined,
    withoutStaff: values.zonder.includes('medewerkers'),
    withoutContact: values.zonder.includes('contactadres'),
  }
  return { values, filters, page }
}

/** The filters as a query string (without the page), for the CSV link and the page links. */
export function organisationFilterQuery(values: OrganisationFilterValues) {
  const params = new URLSearchParams()
  for (const name of ['soort', 'regio', 'status', 'zoek'] as const) if (values[name]) params.set(name, values[name])
  for (const value of values.zonder) params.append('zonder', value)
  return params.toString()
}

const choices = (labels: Record<string, string>, all: string) => [{ value: '', label: all }, ...Object.entries(labels).map(([value, label]) => ({ value, label }))]

export function OrganisationFilterForm({ values, regions, types }: { values: OrganisationFilterValues; regions: Region[]; types: ManagedOrganisationType[] }) {
  const control = (name: 'soort' | 'regio' | 'status' | 'zoek') => ({ id: `filter-${name}`, name, defaultValue: values[name] })
  return (
    <Form method="get" className="card mt-6" aria-labelledby="organisation-filter-title">
      <h2 id="organisation-filter-title">Filteren</h2>
      <div className="mt-4 grid gap-x-6 sm:grid-cols-2">
        <Field label="Naam of slug bevat" inputProps={{ ...control('zoek'), type: 'search', maxLength: 100 }} />
        <SelectField
          label="Soort"
          options={[{ value: '', label: 'Alle soorten' }, ...types.map((type) => ({ value: type, label: organisationTypeLabels[type] }))]}
          selectProps={control('soort')}
        />
        <SelectField
          label="Regio"
          help="Organisaties die minstens één gemeente van de regio bedienen."
          options={[{ value: '', label: regions.length > 1 ? 'Alle regio’s' : 'Alle' }, ...regions.map((r) => ({ value: r.code, label: r.name }))]}
          selectProps={control('regio')}
        />
        <SelectField label="Status" options={choices(statuses, 'Actief en gedeactiveerd')} selectProps={control('status')} />
      </div>
      <fieldset className="mb-5">
        <legend className="field-label">Wat nog ontbreekt</legend>
        <div className="mt-2 flex flex-wrap gap-x-6 gap-y-2">
          {Object.entries(missing).map(([value, label]) => (
            <div key={value} className="flex items-center gap-2">
              <input type="checkbox" id={`filter-zonder-${value}`} name="zonder" value={value} defaultChecked={values.zonder.includes(value)} className="size-5" />
              <label htmlFor={`filter-zonder-${value}`}>{label}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <button type="submit" className="btn-primary">
        Toon organisaties
      </button>
    </Form>
  )
}

/** "Regio Gent (hele regio); Aalst, Ninove en 2 andere": where an organisation works, in one line. */
export function areaSummary(area: ServedArea, maxNames = 3): string {
  if (area.count === 0) return 'Geen gemeenten'
  const parts = area.regions.map((r) => `${r.name} (hele regio)`)
  const names = area.municipalities.map((m) => m.name)
  if (names.length > maxNames) parts.push(`${names.slice(0, maxNames).join(', ')} en ${names.length - maxNames} andere`)
  else if (names.length > 0) parts.push(names.join(', '))
  return parts.join('; ')
}

export function DemoBadge() {
  return <span className="ml-2 rounded border border-amber-700 bg-amber-100 px-1.5 text-sm font-normal text-slate-900">demo</span>
}

type Row = { id: string; name: string; type: ManagedOrganisationType; demo: boolean; staff: number; contactEmail: string | null; deactivatedAt: string | null; area: ServedArea }

export function OrganisationTable({ rows, caption }: { rows: Row[]; caption: string }) {
  return (
    <ScrollTable
      id="organisations-caption"
      className="mt-3"
      tableClass="align-top"
      caption={caption}
      headings={['Naam', 'Soort', 'Werkgebied', 'Medewerkers', 'Contactadres', 'Status']}
      headingClass="px-2 py-2 align-bottom"
    >
      {rows.map((o) => (
        <tr key={o.id} className="border-b border-slate-200">
          <th scope="row" className="px-2 py-2 font-semibold">
            <Link to={`/admin/organisaties/${o.id}`}>{o.name}</Link>
            {o.demo ? <DemoBadge /> : null}
          </th>
          <td className="px-2 py-2">{organisationTypeLabels[o.type]}</td>
          <td className="px-2 py-2">{areaSummary(o.area)}</td>
          <td className="px-2 py-2 text-right">{o.staff}</td>
          <td className="px-2 py-2">{o.contactEmail ? 'Ja' : 'Nee'}</td>
          <td className="px-2 py-2">{o.deactivatedAt ? 'Gedeactiveerd' : 'Actief'}</td>
        </tr>
      ))}
    </ScrollTable>
  )
}
