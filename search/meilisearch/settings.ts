import type { Settings } from 'meilisearch'
import { readPreferredLabels } from '#db/reference/other-labels'
import type { SearchDocument } from '#search/document'
import { dutchRank } from '#search/plan'
import { dutchStopWords } from '#search/text'
import { type AcceptedMapping, acceptedEntries, loadVocabulary, type VocabularyEntry, vocabularySynonyms } from '#search/vocabulary'
import { MAX_TOTAL } from '#domain/result-count'

/**
 * The Meilisearch index as code, applied by applySettings() at every start (idempotent: Meilisearch only
 * reindexes when a setting changed). Documents carry their occupation's labels and compound parts (search/document.ts),
 * so a synonym or a word inside a compound is found without index-wide synonyms; occupation-aware ranking is done
 * by one query per tier (search/meilisearch/engine.ts), not by ranking rules.
 */
export type MeilisearchDocument = Omit<SearchDocument, 'lat' | 'lon' | 'publishedAt'> & {
  _geo: { lat: number; lng: number }
  dutchRank: number
  /** Milliseconds since 1970 (0 when never published): sortable, unlike an ISO string. */
  publishedMs: number
}

const settingsAsCode = {
  // Order matters for the attribute rule: the title, then the occupation's own words, then the rest.
  searchableAttributes: ['title', 'occupationLabel', 'occupationAltLabels', 'compoundParts', 'tasks', 'competences', 'municipalityName', 'description'],
  filterableAttributes: ['occupationUri', 'iscoGroup', 'regionCode', 'municipalityNis', 'dutchRank', 'dutchLevel', 'hoursPerWeek', 'instruments', 'employerType', 'schedules', 'supports', '_geo'],
  sortableAttributes: ['_geo', 'publishedMs', 'id'],
  // "sort" first: a sort the user chose (distance, newest) decides within a tier; without one it does nothing.
  rankingRules: ['sort', 'words', 'typo', 'proximity', 'attribute', 'exactness'],
  // The same budget as search/text.ts typoBudget(): one typo from 5 letters, two from 9.
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 }, disableOnAttributes: [], disableOnWords: [] },
  // ESCO's labels are per document (scoped to the right occupation), and the taxonomy resolves the query before
  // Meilisearch sees it: index-wide synonyms from 25,000 labels would match far too widely. Only the reviewed
  // Flemish vocabulary (a few hundred terms, one-way) is added, in indexSettings().
  synonyms: {} as Record<string, string[]>,
  stopWords: [...dutchStopWords].sort(),
  faceting: { maxValuesPerFacet: 500 },
  pagination: { maxTotalHits: MAX_TOTAL },
} satisfies Settings

let fileVocabulary: { entries: VocabularyEntry[]; labels: Map<string, string> } | undefined

/**
 * The settings with the vocabulary's synonyms: the file's (read once: it changes only with a release) and the
 * mappings accepted on /admin/zoektermen, which the engine reads from the database each time it applies the
 * settings (at every start). Between starts the occupation tiers already know a new mapping (search/taxonomy-store.ts);
 * only the words-only tier waits for the synonyms.
 */
export function indexSettings(accepted: AcceptedMapping[] = []): typeof settingsAsCode {
  if (!fileVocabulary) {
    const labels = readPreferredLabels()
    fileVocabulary = { entries: loadVocabulary((uri) => labels.get(uri)), labels }
  }
  const { entries, labels } = fileVocabulary
  return { ...settingsAsCode, synonyms: vocabularySynonyms([...entries, ...acceptedEntries(accepted, (uri) => labels.get(uri))]) }
}

export function toMeilisearchDocument(document: SearchDocument): MeilisearchDocument {
  const { lat, lon, publishedAt, ...rest } = document
  return {
    ...rest,
    _geo: { lat, lng: lon },
    dutchRank: dutchRank(document.dutchLevel),
    publishedMs: publishedAt ? Date.parse(publishedAt) : 0,
  }
}
