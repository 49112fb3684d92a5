import type { SessionUser } from '#domain/session-user'
import { type FunctionProfileInput, profileCompetences } from '#domain/function-profile-form'
import { getFunctionProfile, insertFunctionProfile, listFunctionProfiles, setFunctionProfilePublished, updateFunctionProfile } from '#db/queries/function-profiles'
import { occupationSummaries } from '#db/queries/placements'
import { searchOccupations } from '#db/queries/reference'
import { loadTrajectoryPage } from '#app/features/trajectories/trajectory.server'
import { db } from '#app/utils/db.server'

/**
 * Function profiles (issue 13): a begeleider saves a client's phase plan as a profile of an occupation, the owning
 * organisation may publish it, and any OCMW/VDAB caseworker can start a POP from a profile they can read.
 */
const notFound = () => new Response('Dit functieprofiel bestaat niet of is niet gedeeld met je organisatie.', { status: 404 })

/**
 * What the "save as function profile" form starts from: the occupations of the latest POP and, per phase, its
 * workplace's job title and goals (or the POP's competences). Nothing about the client: an outside workplace's text may
 * name people, so such a phase is only "Fase n". Null when there is no trajectory with a POP.
 */
export async function profileDraft(user: SessionUser, clientId: string | undefined) {
  const { client, trajectory } = await loadTrajectoryPage(user, clientId)
  const pop = trajectory?.pops[0]
  if (!trajectory || !pop) return { client, draft: null }
  const occupations = client.jobTargets.filter((t) => pop.jobTargets.includes(t.uri))
  const phases = trajectory.phases.length > 0 ? trajectory.phases : [{ position: 1, placementTitle: null, goals: [] as string[] }]
  return {
    client,
    draft: {
      occupations,
      phases: phases.map((p) => ({
        title: p.placementTitle ?? `Fase ${p.position}`,
        competences: (p.goals.length > 0 ? p.goals : pop.competences).join('\n'),
        tasks: '',
      })),
      allowed: pop.jobTargets,
    },
  }
}

export async function saveProfileFromTrajectory(user: SessionUser, clientId: string | undefined, value: FunctionProfileInput) {
  const { draft } = await profileDraft(user, clientId)
  if (!draft) return { kind: 'no-pop' } as const
  if (!draft.allowed.includes(value.occupationUri)) return { kind: 'unknown-occupation' } as const
  return { kind: 'saved', id: await db().transaction((tx) => insertFunctionProfile(tx, user, value)) } as const
}

/**
 * The list page: by a chosen occupation, or by the occupations whose names match the typed text (so one round trip
 * without JavaScript already filters and offers the matches to choose from), or all the user may read.
 */
export async function searchProfiles(user: SessionUser, query: string, uri: string) {
  const [chosen] = uri ? await occupationSummaries(db(), [uri]) : []
  const hits = !chosen && query.trim() ? (await searchOccupations(db(), query.slice(0, 100), 10)).map((h) => ({ ...h, altLabels: [] as string[] })) : null
  const uris = chosen ? [chosen.uri] : hits?.map((h) => h.uri)
  return { profiles: await listFunctionProfiles(db(), user, uris), hits, chosen: chosen ? { ...chosen, altLabels: chosen.altLabels.slice(0, 3) } : null }
}

export async function requireProfile(user: SessionUser, id: string | undefined) {
  const profile = id ? await getFunctionProfile(db(), user, id) : undefined
  if (!profile) throw notFound()
  return profile
}

/** Only the owner changes or publishes: another organisation's id is a 404, even for a published profile. */
export async function changeProfile(user: SessionUser, id: string, change: Pick<FunctionProfileInput, 'title' | 'phases'> | { publish: boolean }) {
  const done = await db().transaction((tx) =>
    'publish' in change ? setFunctionProfilePublished(tx, user, id, change.publish) : updateFunctionProfile(tx, user, id, change),
  )
  if (!done) throw notFound()
}

/** The POP page's start from a profile: its competences, when the user may read it; null for none or an unknown id. */
export async function profilePrefill(user: SessionUser, profileId: string | null) {
  const profile = profileId ? await getFunctionProfile(db(), user, profileId) : undefined
  return profile ? { id: profile.id, title: profile.title, occupationUri: profile.occupationUri, competences: profileCompetences(profile.phases) } : null
}

/** The profiles to choose from on the POP page: those of the client's job targets. */
export const profilesForOccupations = (user: SessionUser, uris: string[]) => listFunctionProfiles(db(), user, uris)
