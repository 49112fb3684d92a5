import { redirect } from '@remix-run/node'
import { hasPermission } from '#domain/permissions'
import { getUser } from '#app/auth/session.server'
import { i18next } from '#app/i18next.server'
import { acceptedLanguage } from '#app/utils/accept-language.server'
import { db } from '#app/utils/db.server'
import { findChannelOrganisationName } from '#db/queries/intake'
import { type IntakeDraft, readDraft } from './intake-draft.server'
import { type IntakeLanguage, intakePath, isIntakeLanguage } from '#domain/intake-languages'
import { intakeLanguages } from '#domain/values'

/**
 * What every page of the public form needs: its language, the draft, the translations for texts made on the
 * server (titles, mails, messages after a redirect), and who helped the resident.
 */
export async function intakeLanguage(request: Request): Promise<IntakeLanguage> {
  const locale = await i18next.getLocale(request)
  return isIntakeLanguage(locale) ? locale : 'nl'
}

/**
 * Every intake address carries ?lng=, because the root layout takes html lang and dir from it. An address
 * without it (typed, or an old link) is sent to the same page in `language`.
 */
export function requireLanguageParam(request: Request, language: IntakeLanguage) {
  const url = new URL(request.url)
  if (isIntakeLanguage(url.searchParams.get('lng'))) return
  url.searchParams.set('lng', language)
  throw redirect(url.pathname + url.search)
}

/** The language the browser asks for (Accept-Language), for a resident who has not chosen one yet; else Dutch. */
const browserIntakeLanguage = (request: Request): IntakeLanguage => acceptedLanguage(request, intakeLanguages) ?? 'nl'

/** The resident's language on a page outside the form (the home page): the page's own ?lng=, else the browser's. */
export function residentLanguage(request: Request): IntakeLanguage {
  const asked = new URL(request.url).searchParams.get('lng')
  return isIntakeLanguage(asked) ? asked : browserIntakeLanguage(request)
}

/**
 * The language of an intake page; an address without ?lng= is first sent to itself in the draft's language (the
 * resident's choice so far), or, before there is a draft, in the browser's.
 */
export async function intakePageLanguage(request: Request): Promise<IntakeLanguage> {
  requireLanguageParam(request, (await readDraft(request))?.language ?? browserIntakeLanguage(request))
  return intakeLanguage(request)
}

export const intakeTranslations = (language: IntakeLanguage) => i18next.getFixedT(language, 'intake')

/**
 * The posted fields of an intake page, without names our pages never send. Conform reads `name[7]` and `name.7`
 * as paths into lists, so a crafted `barriers[999999999]` became a list of a billion empty places that validating
 * and echoing it walk: half a minute of CPU for one request, or the process out of memory. Our fields have plain
 * names (checkboxes repeat theirs), so a name with a path in it is dropped, like any unknown field.
 */
export async function intakeFormData(request: Request): Promise<FormData> {
  const formData = await request.formData()
  for (const name of new Set(formData.keys())) if (/[[.]/.test(name)) formData.delete(name)
  return formData
}

/** The draft, or back to the start page; after sending a step, it says the answers were cleared after a while. */
export async function requireDraft(request: Request, language: IntakeLanguage): Promise<IntakeDraft> {
  const draft = await readDraft(request)
  if (draft && !draft.submitted) return draft
  throw redirect(intakePath('', language, request.method === 'POST' ? { verlopen: '1' } : {}))
}

/** The outreach worker filling in the form with the resident, when the draft was started as assisted. */
export async function assistingUser(request: Request, draft: IntakeDraft) {
  if (!draft.assisted) return undefined
  const user = await getUser(request)
  return user && hasPermission(user, 'intake:assist') ? user : undefined
}

/** The organisation that helped: the assisting worker's, else the channel's. Offered as a way to be contacted. */
export async function helpingOrganisation(request: Request, draft: IntakeDraft): Promise<string | null> {
  const user = await assistingUser(request, draft)
  if (user) return user.organisation.name
  return draft.channelId ? ((await findChannelOrganisationName(db(), draft.channelId)) ?? null) : null
}
