import type { IntakePageData } from './triage-page.server'
import {
  barrierLabels,
  contactMethodLabels,
  contactMomentLabels,
  dutchSelfAssessmentLabels,
  labelOf,
  languageLabels,
  situationLabels,
  workWishLabels,
} from '#domain/triage-labels'
import { FactList } from '#app/components/fact-list'

const orNot = (value: string | number | null | undefined) => (value === null || value === undefined || value === '' ? 'Niet opgegeven' : String(value))
const yesNo = (value: boolean | null) => (value === null ? 'Weet het niet' : value ? 'Ja' : 'Nee')

/** The resident's answers on the intake form, as the triage worker reads them. */
export function TriageAnswers({ intake }: { intake: IntakePageData<'full' | 'referral'>['intake'] }) {
  const barriers = intake.barriers.map((b) =>
    b === 'other' && intake.barrierOther ? `${barrierLabels.other}: ${intake.barrierOther}` : labelOf(barrierLabels, b),
  )
  return (
    <section aria-labelledby="answers-title" className="mt-8">
      <h2 id="answers-title">Wat de inwoner invulde</h2>
      <FactList
        facts={[
          ['Contact via', labelOf(contactMethodLabels, intake.contactMethod)],
          ['Telefoon', orNot(intake.phone)],
          ['E-mail', orNot(intake.email)],
          ['Woonplaats', `${intake.postcode ?? ''} ${intake.municipality}`.trim()],
          ['Geboortejaar', orNot(intake.birthYear)],
          ['Situatie', labelOf(situationLabels, intake.situation)],
          ['Wil werken', labelOf(workWishLabels, intake.wantsWork)],
          ['Volgt nu een opleiding', intake.inEducation === null ? 'Niet gevraagd (aanmelding van voor november 2026)' : yesNo(intake.inEducation)],
          ['Wil een opleiding', yesNo(intake.wantsTraining)],
          ['Wat het moeilijk maakt', barriers.length ? barriers.join(', ') : 'Niets aangeduid'],
          ['Nederlands', labelOf(dutchSelfAssessmentLabels, intake.dutchSelfAssessment)],
          ['Taal van het formulier', labelOf(languageLabels, intake.language)],
          ['Liefst contact in', orNot(intake.contactLanguage && labelOf(languageLabels, intake.contactLanguage))],
          ['Liefst contact', intake.contactMoments.length ? intake.contactMoments.map((m) => labelOf(contactMomentLabels, m)).join(', ') : 'Geen voorkeur'],
          ['Toestemming delen OCMW–VDAB', intake.consentSharing && !intake.consentWithdrawnAt ? 'Ja' : 'Nee'],
        ]}
      />
    </section>
  )
}
