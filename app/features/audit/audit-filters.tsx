import { Form, Link } from '@remix-run/react'
import { z } from 'zod'
import { Field, SelectField } from '#app/components/forms'
import { actionLabels, subjectTypeLabels } from './audit-summary'
import type { AuditFilters } from '#db/queries/audit'

/** The CSV holds at most this many entries, the newest; the page says so when there are more. */
export const AUDIT_CSV_MAX_ROWS = 10_000

/** The filter fields as they appear in the address (?type=intake&actie=intake.read&van=…&tot=…&onderwerp=…). */
export type AuditFilterValues = { type: string; actie: string; van: string; tot: string; onderwerp: string }
type FilterErrors = Partial<Record<keyof AuditFilterValues, string[]>>

/** 2026-02-30 matches the pattern but is no day; nor is anything the Date parser cannot read. */
function isCalendarDay(value: string) {
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value)
}

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Vul een datum in zoals 2026-11-30.')
  .refine(isCalendarDay, 'Deze datum bestaat niet.')

// Codes, not free text: an address with an action or type the lists do not know yet still works.
const FilterSchema = z
  .object({
    type: z.string().regex(/^[a-z][a-z_-]{0,39}$/, 'Kies een soort onderwerp uit de lijst.'),
    actie: z.string().regex(/^[a-z][a-z0-9._-]{0,59}$/, 'Kies een handeling uit de lijst.'),
    van: day,
    tot: day,
    onderwerp: z.string().max(100, 'Gebruik hoogstens 100 tekens.'),
  })
  .partial()
  // Zod runs this also when a date itself is wrong; that date has its own message already.
  .refine((f) => !f.van || !f.tot || !isCalendarDay(f.van) || !isCalendarDay(f.tot) || f.van <= f.tot, {
    path: ['tot'],
    message: 'De einddatum ligt voor de begindatum.',
  })

export type ParsedAuditFilters =
  | { ok: true; values: AuditFilterValues; filters: AuditFilters; page: number }
  | { ok: false; values: AuditFilterValues; errors: FilterErrors; page: number }

export function parseAuditFilters(params: URLSearchParams): ParsedAuditFilters {
  const get = (name: keyof AuditFilterValues) => (params.get(name) ?? '').trim()
  const values: AuditFilterValues = { type: get('type'), actie: get('actie'), van: get('van'), tot: get('tot'), onderwerp: get('onderwerp') }
  const requested = Number.parseInt(params.get('pagina') ?? '1', 10)
  const page = Number.isSafeInteger(requested) && requested > 0 ? requested : 1
  const given = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== ''))
  const parsed = FilterSchema.safeParse(given)
  if (!parsed.success) return { ok: false, values, page, errors: parsed.error.flatten().fieldErrors as FilterErrors }
  const { type, actie, van, tot, onderwerp } = parsed.data
  return { ok: true, values, page, filters: { subjectType: type, action: actie, from: van, to: tot, subjectId: onderwerp } }
}

/** The filters as a query string (without the page), for the CSV link and the page links. */
export const filterQuery = (values: AuditFilterValues) =>
  new URLSearchParams(Object.entries(values).filter(([, value]) => value !== '')).toString()

/** A list's options, plus the current value when the list does not know it, so a filter never silently drops. */
function optionsFor(labels: Record<string, string>, current: string, all: string) {
  const known = Object.entries(labels)
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => a.label.localeCompare(b.label, 'nl'))
  const extra = current && !labels[current] ? [{ value: current, label: current }] : []
  return [{ value: '', label: all }, ...extra, ...known]
}

/** A GET form: every filtered view has its own address, and it works without JavaScript. */
export function AuditFilterForm({ values, errors }: { values: AuditFilterValues; errors: FilterErrors }) {
  const control = (name: keyof AuditFilterValues) => ({ id: `filter-${name}`, name, defaultValue: values[name] })
  return (
    <Form method="get" className="card mt-6" aria-labelledby="audit-filter-title">
      <h2 id="audit-filter-title">Filteren</h2>
      <div className="mt-4 grid gap-x-6 sm:grid-cols-2">
        <SelectField
          label="Soort onderwerp"
          errors={errors.type}
          options={optionsFor(subjectTypeLabels, values.type, 'Alle soorten')}
          selectProps={control('type')}
        />
        <SelectField
          label="Handeling"
          errors={errors.actie}
          options={optionsFor(actionLabels, values.actie, 'Alle handelingen')}
          selectProps={control('actie')}
        />
        <Field label="Van (datum)" errors={errors.van} inputProps={{ ...control('van'), type: 'date' }} />
        <Field label="Tot en met (datum)" errors={errors.tot} inputProps={{ ...control('tot'), type: 'date' }} />
        <Field
          label="Id van het onderwerp"
          help="Bijvoorbeeld het id van een aanmelding of een cliënt: je ziet dan alles wat ermee gebeurde."
          errors={errors.onderwerp}
          inputProps={{ ...control('onderwerp'), type: 'text', autoComplete: 'off', spellCheck: false }}
        />
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" className="btn-primary">
          Toon
        </button>
        <Link to="/admin/audit">Alle filters wissen</Link>
      </div>
    </Form>
  )
}
