import { readFileSync } from 'node:fs'
import { CsvError, parse } from 'csv-parse/sync'
import { type VocabularyKind, vocabularyKinds } from '#domain/search-terms'
import { tokenize } from './text'

/**
 * The Flemish job vocabulary (search/vocabulary/zoekwoorden.csv, review rules in docs/zoekwoorden.md): the words
 * people in Flanders type for a job that ESCO's labels lack — colloquial and regional names (kuisvrouw), gendered
 * forms, sector words (horeca), abbreviations and licence classes (CE-chauffeur, BKO), Belgian French and English
 * job words (magasinier, picker) — each with the ESCO occupations it means, most central first.
 *
 * It is domain data reviewed in a spreadsheet, so the loader checks what a reviewer cannot see: every URI exists,
 * the label written next to it is that occupation's preferred label, and no term names an occupation twice.
 * Errors name the line (as a spreadsheet numbers it, the header is line 1) and the column.
 */
export { vocabularyKinds, type VocabularyKind }

export type VocabularyEntry = {
  line: number
  term: string
  /** The term as the search compares it (search/text.ts): folded words. */
  words: string[]
  kind: VocabularyKind
  /** The field of work the entry belongs to (horeca, bouw …), for review and for the sector reason. */
  sector: string
  /** ESCO occupation URIs, the most central first. */
  occupations: string[]
  /** Their preferred labels, as written in the file (checked against the URIs). */
  labels: string[]
  source: string
  note: string
}

export type VocabularyError = { line: number; field: string; message: string }

const COLUMNS = ['term', 'kind', 'sector', 'esco_labels', 'esco_uris', 'source', 'note'] as const
type Row = Record<(typeof COLUMNS)[number], string>

export const VOCABULARY_FILE = new URL('./vocabulary/zoekwoorden.csv', import.meta.url)

/** Several labels or URIs in one cell, in the same order. */
const cells = (text: string) => text.split('|').map((part) => part.trim()).filter(Boolean)

export function parseVocabulary(
  text: string,
  preferredLabel: (uri: string) => string | undefined,
): { entries: VocabularyEntry[]; errors: VocabularyError[] } {
  const errors: VocabularyError[] = []
  let rows: string[][]
  try {
    rows = parse(text, { delimiter: ';', bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][]
  } catch (error) {
    const line = error instanceof CsvError && 'lines' in error ? Number(error.lines) : 0
    return { entries: [], errors: [{ line, field: 'file', message: error instanceof Error ? error.message : String(error) }] }
  }
  const header = rows[0]?.map((cell) => cell.trim()) ?? []
  if (header.join(';') !== COLUMNS.join(';')) return { entries: [], errors: [{ line: 1, field: 'header', message: `expected the columns ${COLUMNS.join(';')}` }] }
  const entries: VocabularyEntry[] = []
  const seen = new Map<string, number>()
  rows.slice(1).forEach((cellsOfRow, index) => {
    const line = index + 2
    if (cellsOfRow.every((cell) => cell.trim() === '')) return
    const fail = (field: string, message: string) => errors.push({ line, field, message })
    if (cellsOfRow.length !== COLUMNS.length) return fail('row', `expected ${COLUMNS.length} columns, found ${cellsOfRow.length}`)
    const row = Object.fromEntries(COLUMNS.map((column, i) => [column, cellsOfRow[i]!.trim()])) as Row
    const words = tokenize(row.term)
    if (words.length === 0) return fail('term', 'empty: a term needs at least one letter or digit')
    if (!vocabularyKinds.includes(row.kind as VocabularyKind)) fail('kind', `"${row.kind}" is not one of ${vocabularyKinds.join(', ')}`)
    if (row.source === '') fail('source', 'empty: say where the usage is documented')
    const uris = cells(row.esco_uris)
    const labels = cells(row.esco_labels)
    if (uris.length === 0) fail('esco_uris', 'empty: a term means at least one occupation')
    if (uris.length !== labels.length) fail('esco_labels', `${labels.length} labels for ${uris.length} URIs: write each URI's preferred label, in the same order`)
    uris.forEach((uri, i) => {
      const label = preferredLabel(uri)
      if (label === undefined) return fail('esco_uris', `${uri} is not an ESCO occupation in db/reference/esco-occupations-nl.json`)
      if (labels[i] !== undefined && labels[i] !== label) fail('esco_labels', `"${labels[i]}" is not the label of ${uri}: "${label}"`)
      const key = `${words.join(' ')}\n${uri}`
      const first = seen.get(key)
      if (first !== undefined) fail('esco_uris', `"${row.term}" already names ${uri} on line ${first}`)
      else seen.set(key, line)
    })
    entries.push({ line, term: row.term, words, kind: row.kind as VocabularyKind, sector: row.sector, occupations: uris, labels, source: row.source, note: row.note })
  })
  return { entries: errors.length === 0 ? entries : [], errors }
}

/**
 * The vocabulary as Meilisearch synonyms (one-way: the term finds its occupations' labels, not the other way
 * round), for the words-only tier; the occupation tiers of both engines come from the shared plan already.
 */
export function vocabularySynonyms(entries: VocabularyEntry[]): Record<string, string[]> {
  const synonyms: Record<string, string[]> = {}
  for (const entry of entries) {
    const term = entry.words.join(' ')
    synonyms[term] = [...new Set([...(synonyms[term] ?? []), ...entry.labels.map((label) => label.toLowerCase())])]
  }
  return synonyms
}

/** The vocabulary file, validated against the occupations; a broken file stops the search from starting. */
export function loadVocabulary(preferredLabel: (uri: string) => string | undefined): VocabularyEntry[] {
  const { entries, errors } = parseVocabulary(readFileSync(VOCABULARY_FILE, 'utf8'), preferredLabel)
  if (errors.length > 0) {
    const shown = errors.slice(0, 10).map((e) => `line ${e.line}: ${e.field}: ${e.message}`)
    throw new Error(`search/vocabulary/zoekwoorden.csv has ${errors.length} errors:\n${shown.join('\n')}`)
  }
  return entries
}

export type AcceptedMapping = { term: string; kind: VocabularyKind; occupationUri: string; note: string }

/**
 * The mappings platform admins accepted on /admin/zoektermen (issue 15), as vocabulary entries after the file's:
 * one entry per term, its occupations in the order they were accepted. They were checked when proposed; an
 * occupation that left ESCO since is dropped here rather than stopping the search.
 */
export function acceptedEntries(mappings: AcceptedMapping[], preferredLabel: (uri: string) => string | undefined): VocabularyEntry[] {
  const byTerm = new Map<string, VocabularyEntry>()
  for (const mapping of mappings) {
    const label = preferredLabel(mapping.occupationUri)
    const words = tokenize(mapping.term)
    if (label === undefined || words.length === 0) continue
    const key = words.join(' ')
    const entry = byTerm.get(key) ?? { line: 0, term: mapping.term, words, kind: mapping.kind, sector: '', occupations: [], labels: [], source: 'Zoektermen zonder resultaat (beoordeeld)', note: mapping.note }
    if (!entry.occupations.includes(mapping.occupationUri)) {
      entry.occupations.push(mapping.occupationUri)
      entry.labels.push(label)
    }
    byTerm.set(key, entry)
  }
  return [...byTerm.values()]
}
