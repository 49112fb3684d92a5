import { type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { commitDraft, newDraft } from '#app/features/intake/intake-draft.server'
import { intakePath, isIntakeLanguage } from '#domain/intake-languages'
import { db } from '#app/utils/db.server'
import { findChannelByCode } from '#db/queries/intake'

/**
 * Public: an outreach partner's link or poster QR code. The form starts with the channel recorded (for the
 * statistics, and as a way to be contacted) in the channel's language, unless the link names another.
 * An unknown code still leads to the form, with a gentle word that the link was not recognised.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const asked = new URL(request.url).searchParams.get('lng')
  const channel = await findChannelByCode(db(), params.code ?? '')
  if (!channel) throw redirect(intakePath('', isIntakeLanguage(asked) ? asked : 'nl', { kanaal: 'onbekend' }))
  const language = isIntakeLanguage(asked) ? asked : channel.language
  const draft = newDraft({ language, channelId: channel.id })
  throw redirect(intakePath('', language), { headers: { 'Set-Cookie': await commitDraft(request, draft) } })
}
