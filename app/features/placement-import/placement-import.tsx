import { getFormProps, getInputProps, type SubmissionResult, useForm } from '@conform-to/react'
import { getZodConstraint } from '@conform-to/zod'
import { parseWithZod } from '#app/utils/parse-form'
import { Form, useNavigation } from '@remix-run/react'
import { z } from 'zod'
import { dutchLevelLabels, employerTypeLabels, instrumentLabels, scheduleLabels, supportLabels } from '#domain/placement-values'
import { Field } from '#app/components/forms'
import { ErrorSummary } from '#app/components/error-summary'

/**
 * The pieces the employer's and the admin's import pages share: the upload form, what a file looks like, and
 * the report. Texts are impersonal, since employers are addressed with "u" and staff with "je".
 */
export const MAX_UPLOAD_MB = 20
export const TEMPLATE_HREF = '/importeren/sjabloon.csv'
export const SCHEMA_HREF = '/importeren/placement.schema.json'

export const tooLarge = `Het bestand is groter dan ${MAX_UPLOAD_MB} MB. Splits het in kleinere bestanden.`

export const uploadSchema = z.object({
  file: z.instanceof(File, { message: 'Kies een bestand.' }).superRefine((file, ctx) => {
    if (file.name === '' && file.size === 0) ctx.addIssue({ code: 'custom', message: 'Kies een bestand.' })
    else if (file.size === 0) ctx.addIssue({ code: 'custom', message: 'Dit bestand is leeg.' })
    else if (file.size > MAX_UPLOAD_MB * 1024 * 1024) ctx.addIssue({ code: 'custom', message: tooLarge })
  }),
})

export function ImportUploadForm({ lastResult }: { lastResult?: SubmissionResult<string[]> }) {
  const [form, fields] = useForm({
    id: 'placement-import',
    lastResult,
    constraint: getZodConstraint(uploadSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: uploadSchema }),
  })
  const busy = useNavigation().state === 'submitting'
  return (
    <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="card mt-6 max-w-2xl">
      <ErrorSummary form={form} />
      <Field
        label="Bestand met plaatsen"
        help={`JSON, NDJSON of CSV, hoogstens ${MAX_UPLOAD_MB} MB.`}
        errors={fields.file.errors}
        inputProps={{ ...getInputProps(fields.file, { type: 'file' }), accept: '.json,.ndjson,.jsonl,.csv,application/json,text/csv' }}
      />
      <button type="submit" className="btn-primary" disabled={busy}>
        {busy ? 'Bezig met importeren…' : 'Importeren'}
      </button>
    </Form>
  )
}

type Issue = { record: number; field: string; reason: string }

export function ImportIssuesTable({ caption, issues }: { caption: string; issues: Issue[] }) {
  return (
    <table className="mt-3 w-full text-left">
      <caption className="text-left font-semibold">{caption}</caption>
      <thead>
        <tr className="border-b border-slate-400">
          <th scope="col" className="py-2 pr-4">Record</th>
          <th scope="col" className="py-2 pr-4">Veld</th>
          <th scope="col" className="py-2">Reden</th>
        </tr>
      </thead>
      <tbody>
        {issues.map((issue, index) => (
          <tr key={index} className="border-b border-slate-200 align-top">
            <td className="py-2 pr-4">{issue.record}</td>
            <td className="py-2 pr-4">
              {/* A field's path (employer.enterpriseNumber) is one long word: it may break, or the table is wider than a phone. */}
              <code className="break-all">{issue.field}</code>
            </td>
            <td className="py-2">{issue.reason}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export type ImportReport = { fileName: string; errors: Issue[]; warnings: Issue[] }

/** Nothing was imported: every problem, one row each, so the whole file can be fixed in one go. */
export function RejectedReport({ report }: { report: ImportReport }) {
  const records = new Set(report.errors.map((e) => e.record)).size
  return (
    <section aria-labelledby="report-title" className="mt-8">
      <h2 id="report-title">Niets geïmporteerd</h2>
      <p role="alert" className="mt-2 max-w-3xl">
        {report.fileName}: {records === 1 ? '1 record heeft' : `${records} records hebben`} fouten. Verbeter ze en importeer het hele bestand opnieuw;
        er is nog niets opgeslagen.
      </p>
      <ImportIssuesTable caption="Fouten per record (bij CSV en NDJSON is het recordnummer het regelnummer)" issues={report.errors} />
    </section>
  )
}

const codes = (labels: Record<string, { label: string }>) =>
  Object.entries(labels)
    .map(([code, { label }]) => (code === label ? code : `${code} (${label})`))
    .join(', ')

const columns: [string, string][] = [
  ['externalId', 'Vaste code van de plaats in het eigen systeem. Opnieuw importeren met dezelfde code werkt de plaats bij.'],
  ['employer.name', 'Naam van de werkgever.'],
  ['employer.enterpriseNumber', 'Ondernemingsnummer (KBO), bv. 0123.456.749.'],
  ['employer.type', codes(employerTypeLabels)],
  ['title', 'Titel van de plaats, 2 tot 160 tekens.'],
  ['occupation', 'URI van het ESCO-beroep, bv. http://data.europa.eu/esco/occupation/…'],
  ['description', 'Beschrijving, 10 tot 8000 tekens.'],
  ['tasks', 'Taken (niet verplicht).'],
  ['competences', 'Competenties die iemand er opbouwt (niet verplicht).'],
  ['location.postcode', 'Postcode. Geef een postcode, een NIS-code of beide.'],
  ['location.municipalityNis', 'NIS-code van de gemeente, bv. 44021 voor Gent. Nodig bij een postcode met twee gemeenten.'],
  ['location.street', 'Straat en nummer (niet verplicht).'],
  ['location.lat / location.lon', 'Coördinaten, samen of geen van beide. Zonder: het middelpunt van de gemeente.'],
  ['hoursPerWeek', 'Uren per week: meer dan 0, hoogstens 40.'],
  ['schedule', codes(scheduleLabels)],
  ['dutchLevel', codes(dutchLevelLabels)],
  ['instruments', `Minstens één van: ${codes(instrumentLabels)}.`],
  ['places', 'Aantal plaatsen, 1 tot 500.'],
  ['startDate', 'Startdatum als JJJJ-MM-DD (niet verplicht).'],
  ['support', codes(supportLabels)],
  ['status', 'draft (ontwerp) of published (gepubliceerd). Leeg: published.'],
]

export function ImportFormats() {
  return (
    <section aria-labelledby="formats-title" className="mt-10 max-w-3xl">
      <h2 id="formats-title">Welke bestanden kunnen?</h2>
      <ul className="mt-2 list-disc space-y-1 pl-6">
        <li>
          <strong>JSON</strong>: een lijst van plaatsen tussen <code>[</code> en <code>]</code>, volgens het{' '}
          <a href={SCHEMA_HREF}>JSON-schema van een plaats</a>.
        </li>
        <li>
          <strong>NDJSON</strong> (<code>.ndjson</code> of <code>.jsonl</code>): één plaats per regel.
        </li>
        <li>
          <strong>CSV</strong>: één plaats per regel, met dezelfde velden als kolommen. Gebruik het{' '}
          <a href={TEMPLATE_HREF} download>
            CSV-sjabloon
          </a>
          . Zet meerdere waarden in één cel, gescheiden door <code>|</code>, bv. <code>IBO|WES</code>. Kommagetallen en
          puntkomma's uit een Nederlandstalige spreadsheet mogen; bewaar als CSV UTF-8.
        </li>
      </ul>
      <p className="mt-3">
        Een import is alles of niets: heeft één plaats een fout, dan wordt niets opgeslagen en staat per record wat er mis is.
        Hetzelfde bestand opnieuw importeren verandert niets; een gewijzigde plaats wordt bijgewerkt.
      </p>
      <details className="mt-4">
        <summary className="cursor-pointer font-semibold">Alle velden en kolommen</summary>
        <table className="mt-3 w-full text-left">
          <caption className="sr-only">Velden van een plaats</caption>
          <thead>
            <tr className="border-b border-slate-400">
              <th scope="col" className="py-2 pr-4">Veld of kolom</th>
              <th scope="col" className="py-2">Inhoud</th>
            </tr>
          </thead>
          <tbody>
            {columns.map(([column, text]) => (
              <tr key={column} className="border-b border-slate-200 align-top">
                <th scope="row" className="py-2 pr-4 font-normal">
                  <code>{column}</code>
                </th>
                <td className="py-2">{text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  )
}
