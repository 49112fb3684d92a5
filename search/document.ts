import { createHash } from 'node:crypto'
import { and, asc, eq, gt, sql } from 'drizzle-orm'
import type { Tx } from '#db/client'
import { employerProfiles, municipalities, occupations, organisations, placements } from '#db/schema'
import type { Taxonomy } from './taxonomy'
import { loadTaxonomy } from './taxonomy-store'
import { tokenize } from './text'
import { isUuid } from '#domain/ids'

/**
 * What an engine indexes for one published placement: the placement, its occupation's preferred and
 * alternative Dutch labels (so a caseworker's synonym finds it) and ISCO group (related occupations), the
 * compound parts of its title and labels, its municipality (region, name, point) and its employer's type.
 * One builder for every adapter, so they index exactly the same thing.
 */
export type SearchDocument = {
  id: string
  externalId: string | null
  title: string
  description: string
  tasks: string[]
  competences: string[]
  occupationUri: string
  occupationLabel: string
  occupationAltLabels: string[]
  iscoGroup: string
  /** Parts of the compounds in title and labels that are not words there already ("magazijn", "medewerker"). */
  compoundParts: string[]
  municipalityNis: string
  municipalityName: string
  regionCode: string
  lat: number
  lon: number
  hoursPerWeek: number
  dutchLevel: string
  instruments: string[]
  employerType: string | null
  schedules: string[]
  supports: string[]
  publishedAt: string | null
  /** Hash of everything above: search:check finds stale documents by it. */
  hash: string
}

/** Only these are searchable: published, by an employer a regional admin verified. */
const isPublished = (status: string, verification: string | null) => status === 'published' && verification === 'verified'


/**
 * The documents of these placements, in one query. Ids that are not (or no longer) published — or do not
 * exist — come back in `unpublished`: the index must not hold them.
 */
export async function buildDocuments(tx: Tx, placementIds: string[]): Promise<{ documents: SearchDocument[]; unpublished: string[] }> {
  const ids = [...new Set(placementIds)].filter((id) => isUuid(id))
  const invalid = placementIds.filter((id) => !isUuid(id))
  if (ids.length === 0) return { documents: [], unpublished: [...new Set(invalid)] }
  const taxonomy = await loadTaxonomy(tx)
  const rows = await selectRows(tx).where(sql`${placements.id} = any(${sql.param(ids)}::uuid[])`)
  const documents = rows.filter((row) => isPublished(row.status, row.verification)).map((row) => toDocument(row, taxonomy))
  const published = new Set(documents.map((d) => d.id))
  return { documents, unpublished: [...ids.filter((id) => !published.has(id)), ...new Set(invalid)] }
}

/** Published placement ids in id order, a page at a time (reindex and check walk them all). */
export async function publishedPlacementIds(tx: Tx, after: string | null, limit: number): Promise<string[]> {
  const rows = await tx
    .select({ id: placements.id })
    .from(placements)
    .innerJoin(employerProfiles, eq(employerProfiles.organisationId, placements.organisationId))
    .where(and(eq(placements.status, 'published'), eq(employerProfiles.verificationStatus, 'verified'), after ? gt(placements.id, after) : undefined))
    .orderBy(asc(placements.id))
    .limit(limit)
  return rows.map((row) => row.id)
}

function selectRows(tx: Tx) {
  return tx
    .select({
      id: placements.id,
      externalId: placements.externalId,
      title: placements.title,
      description: placements.description,
      tasks: placements.tasks,
      competences: placements.competences,
      occupationUri: placements.occupationUri,
      municipalityNis: placements.municipalityNis,
      lat: placements.lat,
      lon: placements.lon,
      hoursPerWeek: placements.hoursPerWeek,
      schedule: placements.schedule,
      dutchLevel: placements.dutchLevel,
      support: placements.support,
      instruments: placements.instruments,
      status: placements.status,
      publishedAt: placements.publishedAt,
      verification: employerProfiles.verificationStatus,
      employerType: organisations.employerType,
      occupationLabel: occupations.label,
      occupationAltLabels: occupations.altLabels,
      iscoGroup: occupations.iscoGroup,
      municipalityName: municipalities.name,
      regionCode: municipalities.regionCode,
    })
    .from(placements)
    .innerJoin(organisations, eq(organisations.id, placements.organisationId))
    .leftJoin(employerProfiles, eq(employerProfiles.organisationId, placements.organisationId))
    .innerJoin(occupations, eq(occupations.uri, placements.occupationUri))
    .innerJoin(municipalities, eq(municipalities.nis, placements.municipalityNis))
}

type Row = Awaited<ReturnType<ReturnType<typeof selectRows>['where']>>[number]

const sorted = (values: readonly string[]) => [...new Set(values)].sort()

function toDocument(row: Omit<Row, 'status' | 'verification'>, taxonomy: Taxonomy): SearchDocument {
  const document: Omit<SearchDocument, 'hash'> = {
    id: row.id,
    externalId: row.externalId,
    title: row.title,
    description: row.description,
    tasks: row.tasks,
    competences: row.competences,
    occupationUri: row.occupationUri,
    occupationLabel: row.occupationLabel,
    occupationAltLabels: row.occupationAltLabels,
    iscoGroup: row.iscoGroup,
    compoundParts: compoundPartsOf([row.title, row.occupationLabel, ...row.occupationAltLabels], taxonomy),
    municipalityNis: row.municipalityNis,
    municipalityName: row.municipalityName,
    regionCode: row.regionCode,
    lat: row.lat,
    lon: row.lon,
    hoursPerWeek: row.hoursPerWeek,
    dutchLevel: row.dutchLevel,
    instruments: sorted(row.instruments),
    employerType: row.employerType,
    schedules: sorted(row.schedule),
    supports: sorted(row.support),
    publishedAt: row.publishedAt?.toISOString() ?? null,
  }
  return { ...document, hash: documentHash(document) }
}

function compoundPartsOf(texts: string[], taxonomy: Taxonomy): string[] {
  const words = new Set(texts.flatMap(tokenize))
  return sorted([...words].flatMap((word) => taxonomy.partsOf(word)).filter((part) => !words.has(part)))
}

function documentHash(document: Omit<SearchDocument, 'hash'>): string {
  return createHash('sha256').update(JSON.stringify(document)).digest('base64url').slice(0, 22)
}
