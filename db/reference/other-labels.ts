import { readFileSync } from 'node:fs'

/**
 * ESCO's labels that are not the Dutch preferred and alternative labels (those are in the `occupations` table):
 * the Dutch hidden labels (spelling variants and older names ESCO keeps out of display) and the English and French
 * labels, by occupation URI. Only the search's query understanding uses them — results keep showing the Dutch
 * label — so they are read from the reference file once per process instead of widening the table.
 * French labels name both forms in one ("serveur/serveuse"): each form is a label of its own.
 */
type Languages = { label: string; altLabels: string[] } | null
type Record = { uri: string; hiddenLabels?: string[]; en?: Languages; fr?: Languages }

const FILE = new URL('./esco-occupations-nl.json', import.meta.url)

/** Preferred labels by URI, for checking the vocabulary where the database is not at hand (index settings). */
export function readPreferredLabels(): Map<string, string> {
  const records = JSON.parse(readFileSync(FILE, 'utf8')) as { uri: string; label: string }[]
  return new Map(records.map((record) => [record.uri, record.label]))
}

/** Other labels by URI; `preferred` marks the English and French preferred labels (a tie-break among occupations). */
export type OtherLabel = { text: string; preferred: boolean }

export function readOtherLabels(): Map<string, OtherLabel[]> {
  const records = JSON.parse(readFileSync(FILE, 'utf8')) as Record[]
  const labels = new Map<string, OtherLabel[]>()
  for (const record of records) {
    const preferred = [record.en?.label, record.fr?.label].flatMap((label) => forms(label ?? ''))
    const rest = [...(record.hiddenLabels ?? []), ...(record.en?.altLabels ?? []), ...(record.fr?.altLabels ?? [])].flatMap(forms)
    const seen = new Set<string>()
    const all = [...preferred.map((text) => ({ text, preferred: true })), ...rest.map((text) => ({ text, preferred: false }))]
    const unique = all.filter((label) => !seen.has(label.text) && seen.add(label.text))
    if (unique.length > 0) labels.set(record.uri, unique)
  }
  return labels
}

const forms = (label: string) => label.split('/').map((form) => form.trim()).filter(Boolean)
