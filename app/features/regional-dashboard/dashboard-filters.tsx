import { Form, Link } from '@remix-run/react'
import type { PeriodKind, StatPeriod } from '#domain/statistics-period'

const kindLabels: Record<PeriodKind, string> = { maand: 'Maanden', kwartaal: 'Kwartalen', jaar: 'Jaren' }

type Props = {
  section: string
  sections: { slug: string; title: string }[]
  region: { code: string }
  regions: { code: string; name: string }[]
  period: StatPeriod
  periods: Record<PeriodKind, StatPeriod[]>
}

/** The dashboard's choice of region and period (a plain GET form: works without JavaScript) and its pages. */
export function DashboardFilters({ section, sections, region, regions, period, periods }: Props) {
  const query = `?regio=${region.code}&periode=${period.key}`
  return (
    <>
      <Form method="get" className="mt-4 flex flex-wrap items-end gap-4">
        <div>
          <label htmlFor="regio" className="block font-semibold">
            Regio
          </label>
          <select id="regio" name="regio" defaultValue={region.code} className="field-input mt-1 bg-white">
            {regions.map((option) => (
              <option key={option.code} value={option.code}>
                {option.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="periode" className="block font-semibold">
            Periode
          </label>
          <select id="periode" name="periode" defaultValue={period.key} className="field-input mt-1 bg-white">
            {(Object.keys(periods) as PeriodKind[]).map((kind) => (
              <optgroup key={kind} label={kindLabels[kind]}>
                {periods[kind].map((option) => (
                  <option key={option.key} value={option.key}>
                    {option.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <button type="submit" className="btn-primary">
          Toon
        </button>
      </Form>
      <nav aria-label="Delen van de cijfers" className="mt-4">
        <ul className="flex flex-wrap gap-x-6 gap-y-2">
          {sections.map((link) => (
            <li key={link.slug}>
              <Link to={`/admin/cijfers/${link.slug}${query}`} aria-current={link.slug === section ? 'page' : undefined} className="aria-[current=page]:font-bold">
                {link.title}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </>
  )
}
