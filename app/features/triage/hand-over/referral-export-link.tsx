import type { IntakePageData } from '#app/features/triage/triage-page.server'

type Page = IntakePageData
/** What the rule reads of the page (the loader's data, serialised or not). */
type Facts = { access: Page['access']; intake: { id: string; handlingOrganisationId?: string | null }; referrals: { id: string; status: string; toOrganisationId: string }[] }

/**
 * The referral whose dossier the viewer's organisation may download: the pending one it must answer, or the
 * accepted one while it handles the file. The same rule as db/queries/referral-export.ts, which decides again on
 * download; a page with status access (the sender after the hand-over) offers nothing.
 */
export function exportableReferralId(page: Facts, organisationId: string) {
  if (page.access === 'status') return undefined
  const handles = page.access === 'full' && page.intake.handlingOrganisationId === organisationId
  const mine = page.referrals.filter((r) => r.toOrganisationId === organisationId && (r.status === 'pending' || (r.status === 'accepted' && handles)))
  return mine.at(-1)?.id
}

/** The dossier's download for the receiving team, on its intake page. */
export function ReferralExportLink({ page, organisationId }: { page: Page; organisationId: string }) {
  const referralId = exportableReferralId(page, organisationId)
  if (!referralId) return null
  return (
    <p className="mt-4">
      <a href={`/triage/doorverwijzingen/${referralId}.json`} download>
        Dossier van de doorverwijzing downloaden (JSON)
      </a>{' '}
      — voor jullie eigen systeem; vertrouwelijke notities zitten er nooit in.
    </p>
  )
}
