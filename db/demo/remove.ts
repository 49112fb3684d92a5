import { and, count, eq, inArray, isNotNull, or, sql } from 'drizzle-orm'
import type { Tx } from '#db/client'
import { audit } from '#db/queries/audit'
import { intakeRouting } from '#db/queries/intake'
import {
  clients,
  compensationRules,
  compensationSchedules,
  compensationVersions,
  emailMessages,
  employerProfiles,
  intakeChannels,
  intakeNotes,
  intakeReferrals,
  intakes,
  organisationMunicipalities,
  organisations,
  placements,
  proposals,
  trajectoryPhases,
  savedSearches,
  users,
} from '#db/schema'

/**
 * Demo data is everything the demo seed made: organisations marked `demo` and all they own (accounts, placements,
 * clients, channels, compensation deviations), the seed's intakes (`intakes.demo`), the demo compensation values
 * (`is_demo`) and the mails to any of their addresses. `removeDemoData` deletes exactly that, in the caller's
 * transaction, and nothing else: a real resident's intake that reached a demo organisation's queue (a portal
 * that ran publicly with the demo before this existed) goes to the real OCMW and VDAB team of its municipality;
 * real employers, their placements and the audit log stay.
 */
export async function countDemoAccounts(tx: Tx) {
  const [row] = await tx
    .select({ n: count() })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(organisations.demo, true))
  return row?.n ?? 0
}

/** Whether any demo organisation exists: every page then says so ("Demo-omgeving"). */
export async function hasDemoData(tx: Tx) {
  const [row] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.demo, true)).limit(1)
  return row !== undefined
}

export type DemoRemoval = {
  organisations: number
  accounts: number
  placements: number
  clients: number
  intakes: number
  intakesRerouted: number
  mails: number
  compensationVersions: number
  /** Placements to drop from the search index: the caller queues that in the same transaction. */
  placementIds: string[]
}

// Compensation history and placement histories are append-only (migration 0003); demo rows are the one exception.
const APPEND_ONLY_TRIGGERS = [
  ['compensation_versions', 'compensation_versions_append_only'],
  ['compensation_rules', 'compensation_rules_append_only'],
  ['placement_events', 'placement_events_append_only'],
] as const

export async function removeDemoData(tx: Tx): Promise<DemoRemoval> {
  const orgRows = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.demo, true))
  const orgIds = orgRows.map((o) => o.id)
  const accountRows = orgIds.length ? await tx.select({ id: users.id, email: users.email }).from(users).where(inArray(users.organisationId, orgIds)) : []
  const accountIds = accountRows.map((u) => u.id)
  const demoIntakes = await tx.select({ id: intakes.id, email: intakes.email }).from(intakes).where(eq(intakes.demo, true))
  const contacts = orgIds.length
    ? await tx.select({ email: employerProfiles.contactEmail }).from(employerProfiles).where(inArray(employerProfiles.organisationId, orgIds))
    : []
  const addresses = [...accountRows, ...demoIntakes, ...contacts].flatMap((r) => (r.email ? [r.email.toLowerCase()] : []))

  for (const [table, trigger] of APPEND_ONLY_TRIGGERS) await tx.execute(sql.raw(`ALTER TABLE ${table} DISABLE TRIGGER ${trigger}`))

  const removedIntakes = await deleteIntakes(tx, demoIntakes.map((i) => i.id))
  const intakesRerouted = orgIds.length ? await rerouteRealIntakes(tx, orgIds) : 0
  let placementIds: string[] = []
  let removedClients = 0
  if (orgIds.length) {
    removedClients = (await tx.delete(clients).where(inArray(clients.organisationId, orgIds)).returning({ id: clients.id })).length
    placementIds = (await tx.select({ id: placements.id }).from(placements).where(inArray(placements.organisationId, orgIds))).map((p) => p.id)
    if (placementIds.length) await tx.delete(trajectoryPhases).where(inArray(trajectoryPhases.placementId, placementIds))
    if (placementIds.length) await tx.delete(proposals).where(inArray(proposals.placementId, placementIds))
    await tx.delete(savedSearches).where(or(inArray(savedSearches.organisationId, orgIds), accountIds.length ? inArray(savedSearches.userId, accountIds) : undefined))
    if (placementIds.length) await tx.delete(placements).where(inArray(placements.id, placementIds))
    await tx.delete(intakeChannels).where(inArray(intakeChannels.organisationId, orgIds))
  }
  const versions = await deleteDemoCompensation(tx, orgIds)
  const mails = addresses.length
    ? (await tx.delete(emailMessages).where(inArray(sql`lower(${emailMessages.to})`, [...new Set(addresses)])).returning({ id: emailMessages.id })).length
    : 0
  if (accountIds.length) await tx.delete(users).where(inArray(users.id, accountIds))
  if (orgIds.length) await tx.delete(organisations).where(inArray(organisations.id, orgIds))

  for (const [table, trigger] of APPEND_ONLY_TRIGGERS) await tx.execute(sql.raw(`ALTER TABLE ${table} ENABLE TRIGGER ${trigger}`))

  const removal = {
    organisations: orgIds.length,
    accounts: accountIds.length,
    placements: placementIds.length,
    clients: removedClients,
    intakes: removedIntakes,
    intakesRerouted,
    mails,
    compensationVersions: versions,
  }
  await audit(tx, { actorUserId: null, action: 'demo.remove', subjectType: 'installation', details: removal })
  return { ...removal, placementIds }
}

async function deleteIntakes(tx: Tx, ids: string[]) {
  if (ids.length === 0) return 0
  // Events, notes and hand-overs go with their intake (ON DELETE CASCADE).
  return (await tx.delete(intakes).where(inArray(intakes.id, ids)).returning({ id: intakes.id })).length
}

/**
 * A real intake in a demo organisation's queue: the demo's notes and hand-overs on it go (demo accounts wrote
 * them), and it is routed again as the public form would route it now, demo organisations left out.
 */
async function rerouteRealIntakes(tx: Tx, orgIds: string[]) {
  await tx.delete(organisationMunicipalities).where(inArray(organisationMunicipalities.organisationId, orgIds))
  await tx.delete(intakeNotes).where(inArray(intakeNotes.organisationId, orgIds))
  await tx
    .delete(intakeReferrals)
    .where(or(inArray(intakeReferrals.fromOrganisationId, orgIds), inArray(intakeReferrals.toOrganisationId, orgIds)))
  const demoChannels = tx.select({ id: intakeChannels.id }).from(intakeChannels).where(inArray(intakeChannels.organisationId, orgIds))
  await tx.update(intakes).set({ channelId: null }).where(inArray(intakes.channelId, demoChannels))
  const touched = await tx
    .select({ id: intakes.id, municipalityNis: intakes.municipalityNis, ocmw: intakes.ocmwOrganisationId, vdab: intakes.vdabOrganisationId, handling: intakes.handlingOrganisationId })
    .from(intakes)
    .where(
      or(
        inArray(intakes.ocmwOrganisationId, orgIds),
        inArray(intakes.vdabOrganisationId, orgIds),
        inArray(intakes.handlingOrganisationId, orgIds),
      ),
    )
  const demo = new Set(orgIds)
  for (const intake of touched) {
    const routing = await intakeRouting(tx, intake.municipalityNis)
    const replace = (current: string | null, receiver: { id: string } | null | undefined) =>
      current && demo.has(current) ? (receiver?.id ?? null) : current
    await tx
      .update(intakes)
      .set({
        ocmwOrganisationId: replace(intake.ocmw, routing?.ocmw),
        vdabOrganisationId: replace(intake.vdab, routing?.vdab),
        handlingOrganisationId: intake.handling && demo.has(intake.handling) ? null : intake.handling,
        claimedByUserId: intake.handling && demo.has(intake.handling) ? null : undefined,
        updatedAt: new Date(),
      })
      .where(eq(intakes.id, intake.id))
  }
  return touched.length
}

/** The seeded compensation values (`is_demo`) and demo OCMWs' deviations, with their rules. */
async function deleteDemoCompensation(tx: Tx, orgIds: string[]) {
  const demoSchedules = orgIds.length
    ? (await tx.select({ id: compensationSchedules.id }).from(compensationSchedules).where(inArray(compensationSchedules.ocmwOrganisationId, orgIds))).map((s) => s.id)
    : []
  const versionRows = await tx
    .select({ id: compensationVersions.id, scheduleId: compensationVersions.scheduleId })
    .from(compensationVersions)
    .where(or(eq(compensationVersions.isDemo, true), demoSchedules.length ? inArray(compensationVersions.scheduleId, demoSchedules) : undefined))
  const versionIds = versionRows.map((v) => v.id)
  if (versionIds.length) {
    await tx.delete(compensationRules).where(inArray(compensationRules.versionId, versionIds))
    await tx.delete(compensationVersions).where(inArray(compensationVersions.id, versionIds))
  }
  // A schedule left without any version was the demo's alone.
  const touchedSchedules = [...new Set([...demoSchedules, ...versionRows.map((v) => v.scheduleId)])]
  if (touchedSchedules.length) {
    const stillUsed = tx.select({ id: compensationVersions.scheduleId }).from(compensationVersions).where(isNotNull(compensationVersions.scheduleId))
    await tx
      .delete(compensationSchedules)
      .where(and(inArray(compensationSchedules.id, touchedSchedules), sql`${compensationSchedules.id} not in (${stillUsed})`))
  }
  return versionIds.length
}
