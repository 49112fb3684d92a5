import type { SessionUser } from '#domain/session-user'
import type { TransferDecisionInput, TransferRequestInput } from '#domain/trajectory-transfer'
import { resolveHome } from '#db/queries/clients'
import { acceptTransfer, declineTransfer, incomingTransfer, incomingTransfers, pendingTransferCount } from '#db/queries/trajectory-transfer-decisions'
import { requestTransfer, transfersOfClientTrajectory, transferTargets, withdrawTransfer } from '#db/queries/trajectory-transfers'
import { sendEmail } from '#emails/send.server'
import { requireClient } from '#app/features/clients/client-editor.server'
import { db } from '#app/utils/db.server'

/**
 * Moving house (issue 13): the sender proposes the trajectory to a team of the new municipality, the receiver
 * accepts or declines. Mails go out in the same transaction as the change, without client data.
 */
const notFound = () => new Response('Deze overdracht bestaat niet of is niet voor je organisatie.', { status: 404 })

/** The municipality typed in step 1 (postcode or name, as for Woonplaats) and the organisations that serve it. */
type Step = { text: string; choices: { nis: string; name: string }[]; error: string | null; municipality: { nis: string; name: string } | null; targets: { id: string; name: string }[] }

async function municipalityStep(user: SessionUser, text: string | null, chosenNis: string | null): Promise<Step> {
  if (!text) return { text: '', choices: [], error: null, municipality: null, targets: [] }
  const home = await resolveHome(db(), text, chosenNis ?? undefined)
  if (!home.ok) return { text, choices: home.choices, error: home.message, municipality: null, targets: [] }
  const nis = home.home.homeMunicipalityNis
  return { text, choices: home.choices, error: null, municipality: { nis, name: home.name }, targets: await transferTargets(db(), user, nis) }
}

export async function loadMovePage(user: SessionUser, clientId: string | undefined, search: URLSearchParams) {
  const client = await requireClient(user, clientId, 'view')
  const found = await db().transaction((tx) => transfersOfClientTrajectory(tx, user, client.id))
  if (!found) throw new Response('Deze cliënt heeft geen traject.', { status: 404 })
  const pending = found.transfers.find((t) => t.status === 'pending') ?? null
  const step = found.open && !pending ? await municipalityStep(user, search.get('gemeente')?.trim() || null, search.get('nis')) : null
  const transfers = found.transfers.map((t) => ({ ...t, requestedAt: t.requestedAt.toISOString(), decidedAt: t.decidedAt?.toISOString() ?? null }))
  return { client: { id: client.id, displayName: client.displayName }, open: found.open, pending: pending !== null, transfers, step }
}

export function requestMove(user: SessionUser, clientId: string, input: TransferRequestInput, baseUrl: string) {
  return db().transaction(async (tx) => {
    const outcome = await requestTransfer(tx, user, clientId, input)
    if (outcome.kind !== 'requested') return outcome
    const transferUrl = new URL(`/begeleider/overdrachten/${outcome.transferId}`, baseUrl).toString()
    for (const to of outcome.recipients) {
      await sendEmail(tx, { to: to.email, template: 'trajectory-transfer-requested', props: { name: to.name, fromOrganisation: user.organisation.name, transferUrl } })
    }
    return outcome
  })
}

export function withdrawMove(user: SessionUser, clientId: string) {
  return db().transaction((tx) => withdrawTransfer(tx, user, clientId))
}

export const loadIncomingTransfers = (user: SessionUser) => db().transaction((tx) => incomingTransfers(tx, user))

export const countIncomingTransfers = (user: SessionUser) => pendingTransferCount(db(), user)

export async function requireIncomingTransfer(user: SessionUser, transferId: string | undefined) {
  const found = transferId ? await db().transaction((tx) => incomingTransfer(tx, user, transferId)) : null
  if (!found) throw notFound()
  return found
}

/** Accepts or declines; the sender's begeleider hears the outcome (not the reason: it waits behind the login). */
export function decideTransfer(user: SessionUser, transferId: string, input: TransferDecisionInput, today: string, baseUrl: string) {
  return db().transaction(async (tx) => {
    const outcome = input.intent === 'accept' ? await acceptTransfer(tx, user, transferId, today) : await declineTransfer(tx, user, transferId, input.reason)
    if ((outcome.kind === 'accepted' || outcome.kind === 'declined') && outcome.notify) {
      const { email, name, clientId } = outcome.notify
      const trajectoryUrl = new URL(`/begeleider/clienten/${clientId}/traject/verhuis`, baseUrl).toString()
      const props = { name, toOrganisation: user.organisation.name, accepted: outcome.kind === 'accepted', trajectoryUrl }
      await sendEmail(tx, { to: email, template: 'trajectory-transfer-decided', props })
    }
    return outcome
  })
}
