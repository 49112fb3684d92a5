import { getTableColumns, inArray, sql } from 'drizzle-orm'
import type { Tx } from '#db/client'
import { searchDocuments } from '#db/schema'
import type { SearchDocument } from '#search/document'
import { dutchRank } from '#search/plan'
import { tokenize } from '#search/text'

/**
 * Writing the index table. Texts go to PostgreSQL already cut into folded words (search/text.ts), so SQL and
 * the query side agree on what a word is; PostgreSQL then stems them (stapsteen_dutch) and keeps them plain for
 * prefixes (stapsteen_simple). See migration 0007_search_extensions.
 */
const CHUNK = 200

const words = (...texts: (string | string[])[]) => texts.flat().flatMap(tokenize).join(' ')

/** Weighted words: title A, labels and compound parts B, tasks and competences C, municipality and description D. */
function wordColumns(document: SearchDocument) {
  const title = words(document.title)
  const labels = words(document.occupationLabel, document.occupationAltLabels)
  const parts = document.compoundParts.join(' ')
  const plain = `${title} ${labels} ${parts}`
  return {
    searchText: plain,
    words: sql`setweight(to_tsvector('stapsteen_dutch', ${title}), 'A')
      || setweight(to_tsvector('stapsteen_dutch', ${`${labels} ${parts}`}), 'B')
      || setweight(to_tsvector('stapsteen_simple', ${plain}), 'B')
      || setweight(to_tsvector('stapsteen_dutch', ${words(document.tasks, document.competences)}), 'C')
      || setweight(to_tsvector('stapsteen_dutch', ${words(document.municipalityName, document.description)}), 'D')`,
  }
}

function row(document: SearchDocument) {
  return {
    ...wordColumns(document),
    placementId: document.id,
    externalId: document.externalId,
    title: document.title,
    occupationUri: document.occupationUri,
    iscoGroup: document.iscoGroup,
    municipalityNis: document.municipalityNis,
    regionCode: document.regionCode,
    lat: document.lat,
    lon: document.lon,
    hoursPerWeek: document.hoursPerWeek,
    dutchLevel: document.dutchLevel,
    dutchRank: dutchRank(document.dutchLevel),
    instruments: document.instruments,
    employerType: document.employerType,
    schedules: document.schedules,
    supports: document.supports,
    publishedAt: document.publishedAt ? new Date(document.publishedAt) : null,
    hash: document.hash,
  }
}

// Every column but the key and the generated filter keys takes the new value on conflict.
const updateAll = Object.fromEntries(
  Object.entries(getTableColumns(searchDocuments))
    .filter(([key, column]) => key !== 'placementId' && !column.generated)
    .map(([key, column]) => [key, sql.raw(`excluded."${column.name}"`)]),
)

export async function upsertDocuments(tx: Tx, documents: SearchDocument[]) {
  for (let i = 0; i < documents.length; i += CHUNK) {
    const chunk = documents.slice(i, i + CHUNK)
    await tx
      .insert(searchDocuments)
      .values(chunk.map(row))
      .onConflictDoUpdate({ target: searchDocuments.placementId, set: { ...updateAll, indexedAt: sql`now()` } })
  }
}

export async function removeDocuments(tx: Tx, placementIds: string[]) {
  for (let i = 0; i < placementIds.length; i += CHUNK * 5) {
    await tx.delete(searchDocuments).where(inArray(searchDocuments.placementId, placementIds.slice(i, i + CHUNK * 5)))
  }
}
