import { assignSchema, closeReasonChoices, closeSchema, type IntakeIntent } from '#domain/triage-forms'
import type { IntakePageData } from './triage-page.server'
import { ChoiceGroup, SelectField } from '#app/components/conform-fields'
import { TriageActionForm, TriageButton, type TriageResult, useTriageForm, type Viewer } from './triage-form'
import { TriageReferForm } from './hand-over/refer-form'

/** Why the viewer cannot work on the file now, in a sentence; null when they can. */
function waitingText(page: IntakePageData<'full'>) {
  const { intake } = page
  if (intake.status === 'closed') return 'Deze aanmelding is afgesloten.'
  if (intake.status === 'referred') return 'Deze aanmelding is doorverwezen en wacht op een antwoord van de andere organisatie.'
  return `${intake.handlingOrganisation ?? 'Een andere organisatie'} behandelt deze aanmelding. Je kan meelezen en notities toevoegen.`
}

/** What the handling organisation (or either one, while nobody handles the file) can do: take it, contact, refer, close. */
export function TriageWorkActions({
  page,
  viewer,
  resultFor,
}: {
  page: IntakePageData<'full'>
  viewer: Viewer
  resultFor: (intent: IntakeIntent) => TriageResult
}) {
  const { intake, can } = page
  const [assignForm, assignFields] = useTriageForm('assign', assignSchema, resultFor('assign'))
  const [closeForm, closeFields] = useTriageForm('close', closeSchema, resultFor('close'))
  if (!can.work) {
    return (
      <section aria-labelledby="actions-title" className="card mt-6 max-w-3xl">
        <h2 id="actions-title">Wat kan je doen?</h2>
        <p className="mt-1">{waitingText(page)}</p>
      </section>
    )
  }
  const colleagues = page.colleagues.filter((c) => c.id !== intake.claimedByUserId).map((c) => ({ value: c.id, label: c.name }))
  return (
    <section aria-labelledby="actions-title" className="card mt-6 max-w-3xl">
      <h2 id="actions-title">Wat kan je doen?</h2>
      <h3 className="mt-4 font-semibold">Wie neemt het op?</h3>
      <div className="mt-2 flex flex-wrap gap-3">
        {intake.claimedByUserId !== viewer.id ? <TriageButton intent="claim">Ik neem dit op</TriageButton> : null}
        {intake.claimedByUserId ? <TriageButton intent="release">Vrijgeven</TriageButton> : null}
      </div>
      {colleagues.length > 0 ? (
        <TriageActionForm form={assignForm} intent="assign" submit="Toewijzen">
          <SelectField meta={assignFields.assigneeId} label="Toewijzen aan een collega" options={colleagues} />
        </TriageActionForm>
      ) : null}
      {can.contact ? (
        <>
          <h3 className="mt-6 font-semibold">Eerste contact</h3>
          <p className="mt-1">Heb je de inwoner gesproken? Registreer het eerste contact: de timer stopt en de status wordt "In contact".</p>
          <div className="mt-2">
            <TriageButton intent="contact" primary>
              Eerste contact registreren
            </TriageButton>
          </div>
        </>
      ) : null}
      <TriageReferForm page={page} viewer={viewer} lastResult={resultFor('refer')} />
      {can.close ? (
        <>
          <h3 className="mt-6 font-semibold">Afsluiten</h3>
          <TriageActionForm form={closeForm} intent="close" submit="Aanmelding afsluiten">
            <ChoiceGroup meta={closeFields.closeReason} type="radio" legend="Waarom sluit je de aanmelding af?" choices={closeReasonChoices} />
          </TriageActionForm>
        </>
      ) : null}
    </section>
  )
}
