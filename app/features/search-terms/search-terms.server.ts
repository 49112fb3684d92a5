import type { SubmissionResult } from '@conform-to/react'
import { json, redirect } from '@remix-run/node'
import type { OccupationOption } from '#app/components/occupation-picker'
import { db } from '#app/utils/db.server'
import { parseWithZod } from '#app/utils/parse-form'
import { withToast } from '#app/utils/toast.server'
import { listSearchTermMisses } from '#db/queries/search-term-misses'
import { listMappings, proposeMapping, reviewMapping } from '#db/queries/search-term-mappings'
import { hasPermission } from '#domain/permissions'
import { proposeMappingSchema, reviewMappingSchema } from '#domain/search-terms'
import type { SessionUser } from '#domain/session-user'
import { refreshSearchVocabulary } from '#search/taxonomy-store'
import { describeOccupation, findOccupationOptions } from '#app/features/placements/placement-editor.server'
import { searchTermOf } from './search-term-text.server'

/**
 * /admin/zoektermen (issue 15, docs/zoektermen.md): the counted terms, the proposals with their history, and
 * the two actions. A regional admin proposes (`search-terms:propose`), a platform admin decides
 * (`search-terms:review`); an accepted mapping is in this process's search at once (refreshSearchVocabulary)
 * and in every other process within a minute (search/taxonomy-store.ts).
 */
export const PAGE = '/admin/zoektermen'

export async function loadSearchTermsPage(user: SessionUser, url: URL) {
  const [terms, mappings] = await Promise.all([listSearchTermMisses(db()), listMappings(db())])
  return {
    terms,
    mappings,
    canPropose: hasPermission(user, 'search-terms:propose'),
    canReview: hasPermission(user, 'search-terms:review'),
    /** A term link ("Koppel") fills the proposal form's term. */
    term: url.searchParams.get('term')?.slice(0, 100) ?? '',
  }
}

export type ProposeReply = { result: SubmissionResult<string[]>; occupation: OccupationOption | null; hits: OccupationOption[] | null }
const forbidden = () => new Response('Je hebt geen toegang tot deze actie.', { status: 403 })

export async function proposeAction(user: SessionUser, formData: FormData) {
  if (!hasPermission(user, 'search-terms:propose')) throw forbidden()
  const submission = parseWithZod(formData, { schema: proposeMappingSchema })
  const occupation = await describeOccupation(formData.get('uri'))
  if (formData.get('intent') === 'search-occupation') {
    // The picker without JavaScript: nothing is proposed, every entered value comes back with the matches.
    const hits = await findOccupationOptions(String(formData.get('occupationQuery') ?? ''))
    return json<ProposeReply>({ result: { ...submission.reply(), status: undefined, error: undefined }, occupation, hits })
  }
  if (submission.status !== 'success') return json<ProposeReply>({ result: submission.reply(), occupation, hits: null }, { status: 400 })
  const term = searchTermOf(submission.value.term)
  if (!term) return json<ProposeReply>({ result: submission.reply({ fieldErrors: { term: ['Typ een woord van minstens 2 letters.'] } }), occupation, hits: null }, { status: 400 })
  const outcome = await db().transaction((tx) => proposeMapping(tx, user, submission.value, term))
  if (!outcome.ok) return json<ProposeReply>({ result: submission.reply({ fieldErrors: { [outcome.field]: [outcome.message] } }), occupation, hits: null }, { status: 400 })
  throw redirect(PAGE, await withToast({ kind: 'success', message: `Je voorstel voor "${term}" is bewaard. Een platformbeheerder beoordeelt het.` }))
}

export async function reviewAction(user: SessionUser, formData: FormData) {
  if (!hasPermission(user, 'search-terms:review')) throw forbidden()
  const submission = parseWithZod(formData, { schema: reviewMappingSchema })
  if (submission.status !== 'success') return json({ result: submission.reply(), mappingId: String(formData.get('mappingId') ?? '') }, { status: 400 })
  const outcome = await db().transaction((tx) => reviewMapping(tx, user, submission.value))
  if (!outcome.ok) {
    return json({ result: submission.reply({ formErrors: ['Dit voorstel is al beoordeeld of bestaat niet meer.'] }), mappingId: submission.value.mappingId }, { status: 400 })
  }
  if (submission.value.decision === 'accept') refreshSearchVocabulary()
  const message = submission.value.decision === 'accept' ? 'Het voorstel is aanvaard: de zoekfunctie kent het woord nu.' : 'Het voorstel is afgewezen.'
  throw redirect(PAGE, await withToast({ kind: 'success', message }))
}
