import { and, asc, eq, inArray, or, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { Tx } from '#db/client'
import { intakeNotes, intakes, organisations, users } from '#db/schema'
import { audit } from './audit'
import { fullAccess, lockIntake, referralAccess, triageOrganisation } from './intake-triage'
import { isUuid } from '#domain/ids'
import type { SessionUser } from '#domain/session-user'

/**
 * Triage notes. A note an OCMW marks confidential is for that OCMW only: never for VDAB users, in no page,
 * export, e-mail or dossier. Every function here that returns notes applies one of two filters, inside its own
 * query and from the session user:
 * - `visibleTo(organisation)`: confidential = false OR the note's organisation is the user's — the intake page;
 * - `notConfidential`: confidential = false, whoever asks — everything that leaves the page: the hand-over
 *   dossier, the CSV export, mails.
 * Notes are not indexed for search anywhere.
 */
const visibleTo = (organisationId: string): SQL => or(eq(intakeNotes.confidential, false), eq(intakeNotes.organisationId, organisationId))!
const notConfidential: SQL = eq(intakeNotes.confidential, false)

const author = alias(users, 'note_author')
const noteColumns = {
  id: intakeNotes.id,
  intakeId: intakeNotes.intakeId,
  body: intakeNotes.body,
  confidential: intakeNotes.confidential,
  createdAt: intakeNotes.createdAt,
  author: author.name,
  organisation: organisations.name,
}

function selectNotes(tx: Tx) {
  return tx
    .select(noteColumns)
    .from(intakeNotes)
    .innerJoin(intakes, eq(intakes.id, intakeNotes.intakeId))
    .innerJoin(organisations, eq(organisations.id, intakeNotes.organisationId))
    .leftJoin(author, eq(author.id, intakeNotes.authorUserId))
}

/** The notes on the intake page, oldest first: for users with full access, confidential ones of their own organisation only. */
export async function listNotes(tx: Tx, user: SessionUser, intakeId: string) {
  if (!isUuid(intakeId)) return []
  const organisationId = triageOrganisation(user)
  return selectNotes(tx)
    .where(and(eq(intakeNotes.intakeId, intakeId), fullAccess(organisationId), visibleTo(organisationId)))
    .orderBy(asc(intakeNotes.createdAt), asc(intakeNotes.id))
}

/**
 * The notes that may travel with intakes the user may see (full or referral access): never a confidential one,
 * not even the user's own organisation's. For the hand-over dossier and the CSV export.
 */
export async function sharedNotes(tx: Tx, user: SessionUser, intakeIds: readonly string[]) {
  const ids = intakeIds.filter(isUuid)
  if (ids.length === 0) return []
  const organisationId = triageOrganisation(user)
  return selectNotes(tx)
    .where(and(inArray(intakeNotes.intakeId, ids), or(fullAccess(organisationId), referralAccess(organisationId)), notConfidential))
    .orderBy(asc(intakeNotes.intakeId), asc(intakeNotes.createdAt), asc(intakeNotes.id))
}

export type AddNoteOutcome = { kind: 'added' } | { kind: 'not-found' } | { kind: 'not-allowed' } | { kind: 'confidential-not-allowed' }

/** Only OCMW staff mark notes confidential: the protection exists for what the OCMW's welfare work reveals. */
export const mayWriteConfidential = (user: SessionUser) => user.organisation.type === 'ocmw'

export async function addNote(tx: Tx, user: SessionUser, intakeId: string, note: { body: string; confidential: boolean }): Promise<AddNoteOutcome> {
  const intake = await lockIntake(tx, user, intakeId)
  if (!intake) return { kind: 'not-found' }
  if (intake.access !== 'full') return { kind: 'not-allowed' }
  if (note.confidential && !mayWriteConfidential(user)) return { kind: 'confidential-not-allowed' }
  const [row] = await tx
    .insert(intakeNotes)
    .values({ intakeId: intake.id, organisationId: user.organisation.id, authorUserId: user.id, body: note.body, confidential: note.confidential })
    .returning({ id: intakeNotes.id })
  await audit(tx, {
    actorUserId: user.id,
    organisationId: user.organisation.id,
    action: 'intake.note',
    subjectType: 'intake',
    subjectId: intake.id,
    details: { noteId: row?.id, confidential: note.confidential },
  })
  return { kind: 'added' }
}
