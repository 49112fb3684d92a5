import { referralBlockTexts } from '#domain/triage-workflow'
import { referSchema } from '#domain/triage-forms'
import type { IntakePageData } from '#app/features/triage/triage-page.server'
import { TextAreaField } from '#app/components/conform-fields'
import { TriageActionForm, type TriageResult, useTriageForm, type Viewer } from '#app/features/triage/triage-form'

/** The warm hand-over to the other organisation of the pair, with what the dossier will hold. */
export function TriageReferForm({ page, viewer, lastResult }: { page: IntakePageData<'full'>; viewer: Viewer; lastResult: TriageResult }) {
  const [form, fields] = useTriageForm('refer', referSchema, lastResult)
  const block = page.can.refer
  const other = viewer.organisationType === 'ocmw' ? 'VDAB' : 'OCMW'
  if (block === 'not-yours' || block === 'no-counterpart') return null
  const shared = page.notes.filter((note) => !note.confidential).length
  return (
    <>
      <h3 className="mt-6 font-semibold">Doorverwijzen naar {other}</h3>
      {block ? (
        <p className="mt-1">{referralBlockTexts[block]}</p>
      ) : (
        <>
          <p className="mt-1">
            {other} krijgt het dossier: de antwoorden van de aanmelding en {shared === 1 ? '1 notitie' : `${shared} notities`} die niet vertrouwelijk{' '}
            {shared === 1 ? 'is' : 'zijn'}. Vertrouwelijke notities gaan nooit mee. {other} aanvaardt of weigert; je blijft de status volgen.
          </p>
          <TriageActionForm form={form} intent="refer" submit={`Doorverwijzen naar ${other}`}>
            <TextAreaField
              meta={fields.message}
              label={`Bericht voor ${other}`}
              help="Niet verplicht. Wat moet de collega weten om verder te helpen?"
              rows={3}
            />
          </TriageActionForm>
        </>
      )}
    </>
  )
}
