import { and, asc, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm'
import type { ClientHome, ClientInput } from '#domain/client-form'
import type { Tx } from '#db/client'
import { clients, employerProfiles, municipalities, occupations, organisations, placements, proposals, users } from '#db/schema'
import { audit } from './audit'
import { foldSearchText, municipalitiesForPostcode } from './reference'
import type { SessionUser } from '#domain/session-user'
import { isUuid } from '#domain/ids'

/**
 * A caseworker's clients: personal data of vulnerable people. Every function takes the organisation from the
 * session user and filters on it, so another organisation's client is simply not found (the routes answer 404,
 * as for a client that does not exist). Every read of one record and every change is written to the audit log,
 * with field names at most, never the values.
 */
export class UnknownOccupationError extends Error {
  constructor(readonly uris: string[]) {
    super(`Unknown ESCO occupations: ${uris.join(', ')}`)
  }
}


/** The organisation whose clients the user works with; only caseworkers of an OCMW or a VDAB team have one. */
export function ownOrganisation(user: SessionUser): string {
  if (user.role !== 'caseworker' || (user.organisation.type !== 'ocmw' && user.organisation.type !== 'vdab')) {
    throw new Error(`${user.role} of a ${user.organisation.type} organisation has no clients`)
  }
  return user.organisation.id
}

async function occupationLabels(tx: Tx, uris: readonly string[]) {
  if (uris.length === 0) return new Map<string, string>()
  const rows = await tx.select({ uri: occupations.uri, label: occupations.label }).from(occupations).where(inArray(occupations.uri, [...uris]))
  return new Map(rows.map((row) => [row.uri, row.label]))
}

const withLabels = (uris: readonly string[], labels: Map<string, string>) => uris.map((uri) => ({ uri, label: labels.get(uri) ?? uri }))

/**
 * The organisation's clients, newest first, with their jobdoelwitten in order. The read is audited with the
 * count only: the list shows every client's name, and the entry must not.
 */
export async function listClients(tx: Tx, user: SessionUser) {
  const organisationId = ownOrganisation(user)
  const rows = await tx
    .select({
      id: clients.id,
      displayName: clients.displayName,
      municipality: municipalities.name,
      jobTargets: clients.jobTargets,
      closedAt: clients.closedAt,
      createdAt: clients.createdAt,
      updatedAt: clients.updatedAt,
    })
    .from(clients)
    .innerJoin(municipalities, eq(municipalities.nis, clients.homeMunicipalityNis))
    .where(and(eq(clients.organisationId, organisationId), isNull(clients.anonymisedAt)))
    .orderBy(desc(clients.createdAt), asc(clients.id))
  await audit(tx, { actorUserId: user.id, organisationId, action: 'client.list', subjectType: 'client', details: { count: rows.length } })
  const labels = await occupationLabels(tx, [...new Set(rows.flatMap((row) => row.jobTargets))])
  return rows.map((row) => ({ ...row, jobTargets: withLabels(row.jobTargets, labels) }))
}

export type ClientRecord = NonNullable<Awaited<ReturnType<typeof getClient>>>

/** A record of the organisation that still holds a person: an anonymised one is for statistics only. */
const ownRecord = (organisationId: string, clientId: string) => and(eq(clients.id, clientId), eq(clients.organisationId, organisationId), isNull(clients.anonymisedAt))

/**
 * One client of the user's organisation, or null (also for a malformed id or an anonymised record). A read is audited with its purpose:
 * showing the record, editing it, or matching placements to it.
 */
export async function getClient(tx: Tx, user: SessionUser, clientId: string, purpose: 'view' | 'edit' | 'match' = 'view') {
  const organisationId = ownOrganisation(user)
  if (!isUuid(clientId)) return null
  const [row] = await tx
    .select({ client: clients, municipality: municipalities.name, caseworker: users.name })
    .from(clients)
    .innerJoin(municipalities, eq(municipalities.nis, clients.homeMunicipalityNis))
    .leftJoin(users, eq(users.id, clients.caseworkerUserId))
    .where(ownRecord(organisationId, clientId))
  if (!row) return null
  await audit(tx, { actorUserId: user.id, organisationId, action: 'client.read', subjectType: 'client', subjectId: clientId, details: { purpose } })
  const { client, municipality, caseworker } = row
  return { ...client, municipality, caseworker, jobTargets: withLabels(client.jobTargets, await occupationLabels(tx, client.jobTargets)) }
}

async function assertKnownOccupations(tx: Tx, uris: readonly string[]) {
  const known = await occupationLabels(tx, uris)
  const unknown = uris.filter((uri) => !known.has(uri))
  if (unknown.length > 0) throw new UnknownOccupationError(unknown)
}

export async function createClient(tx: Tx, user: SessionUser, input: ClientInput): Promise<string> {
  const organisationId = ownOrganisation(user)
  await assertKnownOccupations(tx, input.jobTargets)
  const [row] = await tx
    .insert(clients)
    .values({ ...input, organisationId, caseworkerUserId: user.id })
    .returning({ id: clients.id })
  if (!row) throw new Error('client insert returned nothing')
  await audit(tx, { actorUserId: user.id, organisationId, action: 'client.create', subjectType: 'client', subjectId: row.id })
  return row.id
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/** Saves the form's values; 'not-found' for another organisation's client. The audit names the changed fields. */
export async function updateClient(tx: Tx, user: SessionUser, clientId: string, input: ClientInput) {
  const organisationId = ownOrganisation(user)
  if (!isUuid(clientId)) return 'not-found' as const
  const [current] = await tx
    .select()
    .from(clients)
    .where(ownRecord(organisationId, clientId))
    .for('update')
  if (!current) return 'not-found' as const
  await assertKnownOccupations(tx, input.jobTargets)
  const changed = (Object.keys(input) as (keyof ClientInput)[]).filter((key) => !same(current[key], input[key]))
  await tx.update(clients).set({ ...input, updatedAt: sql`now()` }).where(eq(clients.id, clientId))
  await audit(tx, { actorUserId: user.id, organisationId, action: 'client.update', subjectType: 'client', subjectId: clientId, details: { changed } })
  return { id: clientId }
}

/**
 * Closes a record (the caseworker's support ended) or reopens it; the retention clock runs from closing. Closing
 * withdraws the client's open proposals: no employer goes on considering a person whose support has ended.
 */
export async function setClientClosed(tx: Tx, user: SessionUser, clientId: string, closed: boolean) {
  const organisationId = ownOrganisation(user)
  if (!isUuid(clientId)) return 'not-found' as const
  const [row] = await tx
    .update(clients)
    .set({ closedAt: closed ? sql`now()` : null, updatedAt: sql`now()` })
    .where(and(ownRecord(organisationId, clientId), closed ? isNull(clients.closedAt) : isNotNull(clients.closedAt)))
    .returning({ id: clients.id })
  if (!row) return (await tx.$count(clients, ownRecord(organisationId, clientId))) > 0 ? ('unchanged' as const) : ('not-found' as const)
  const withdrawn = closed
    ? await tx
        .update(proposals)
        .set({ status: 'withdrawn', decidedAt: sql`now()`, decidedByUserId: user.id })
        .where(and(eq(proposals.clientId, clientId), eq(proposals.status, 'open')))
        .returning({ id: proposals.id })
    : []
  const action = closed ? 'client.close' : 'client.reopen'
  await audit(tx, { actorUserId: user.id, organisationId, action, subjectType: 'client', subjectId: clientId, details: closed ? { withdrawnProposalIds: withdrawn.map((p) => p.id) } : undefined })
  return closed ? ('closed' as const) : ('reopened' as const)
}

type Choice = { nis: string; name: string }
export type HomeResolution =
  | { ok: true; home: ClientHome; name: string; choices: Choice[] }
  | { ok: false; field: 'home' | 'homeMunicipalityNis'; message: string; choices: Choice[] }

/**
 * The form's `home` — "9000", "9000 Gent" or "Gent" — as a Flemish municipality. A postcode that lies in two
 * municipalities needs `chosenNis`; the answer then lists them in `choices` (for the form's select), chosen or not.
 */
export async function resolveHome(tx: Tx, text: string, chosenNis?: string): Promise<HomeResolution> {
  const [, postcode, rest] = /^(\d{4})\s*(.*)$/.exec(text.trim()) ?? []
  const fold = (name: string) => foldSearchText(name.replace(/-/g, ' '))
  if (!postcode) {
    const wanted = fold(text)
    const all = await tx.select({ nis: municipalities.nis, name: municipalities.name }).from(municipalities)
    const found = all.find((m) => fold(m.name) === wanted)
    if (found) return { ok: true, home: { homeMunicipalityNis: found.nis, postcode: null }, name: found.name, choices: [] }
    const message = `We vinden geen Vlaamse gemeente "${text.trim()}". Kijk de schrijfwijze na, of vul de postcode in.`
    return { ok: false, field: 'home', message, choices: [] }
  }
  const candidates = await municipalitiesForPostcode(tx, postcode)
  if (candidates.length === 0) {
    return { ok: false, field: 'home', message: `Postcode ${postcode} ligt niet in Vlaanderen of bestaat niet. Kijk ze na.`, choices: [] }
  }
  const named = rest ? candidates.filter((m) => fold(m.name) === fold(rest)) : candidates
  if (named.length === 0) {
    const names = candidates.map((m) => m.name).join(' of ')
    return { ok: false, field: 'home', message: `Postcode ${postcode} hoort bij ${names}, niet bij "${rest}".`, choices: [] }
  }
  const choices = named.length > 1 ? named.map((m) => ({ nis: m.nis, name: m.name })) : []
  const chosen = named.length === 1 ? named[0] : named.find((m) => m.nis === chosenNis)
  if (chosen) return { ok: true, home: { homeMunicipalityNis: chosen.nis, postcode }, name: chosen.name, choices }
  const message = `Postcode ${postcode} ligt in ${choices.map((c) => c.name).join(' en ')}. Kies de gemeente.`
  return { ok: false, field: 'homeMunicipalityNis', message, choices }
}

/**
 * What a match result shows of each placement it found, by id. Only placements that are still public: one
 * paused after it was indexed drops out here rather than being shown.
 */
export async function matchedPlacements(tx: Tx, placementIds: string[]) {
  const rows = placementIds.length === 0 ? [] : await tx
    .select({
      id: placements.id,
      employer: organisations.name,
      municipality: municipalities.name,
      hoursPerWeek: placements.hoursPerWeek,
      dutchLevel: placements.dutchLevel,
      places: placements.places,
      fullUntil: placements.fullUntil,
      lat: placements.lat,
      lon: placements.lon,
    })
    .from(placements)
    .innerJoin(employerProfiles, eq(employerProfiles.organisationId, placements.organisationId))
    .innerJoin(organisations, eq(organisations.id, placements.organisationId))
    .innerJoin(municipalities, eq(municipalities.nis, placements.municipalityNis))
    .where(and(inArray(placements.id, placementIds), eq(placements.status, 'published'), eq(employerProfiles.verificationStatus, 'verified')))
  return new Map(rows.map((row) => [row.id, row]))
}
