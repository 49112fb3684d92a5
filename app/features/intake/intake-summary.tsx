import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { intakePath, isIntakeLanguage, languageNames } from '#domain/intake-languages'
import { type CompleteAnswers, type IntakeStep, intakeSteps, SUMMARY_STEP } from './intake-steps'
import { useIntakeLanguage } from './language-switcher'

/** The answers as the person gave them, per step, each with a link to change it (and come back here). */
export function IntakeSummary({ answers, municipalityName, helperName }: { answers: CompleteAnswers; municipalityName: string; helperName: string | null }) {
  const { t } = useTranslation('intake')
  const language = useIntakeLanguage()
  const list = (values: string[], empty: string) => (values.length > 0 ? values.join(', ') : empty)
  const { contact, werk, drempels, voorkeur, toestemming } = answers
  const shown: Record<IntakeStep, string[]> = {
    naam: [[answers.naam.firstName, answers.naam.lastName].filter(Boolean).join(' ')],
    contact: [t(`values.contactMethod.${contact.contactMethod}`, { organisation: helperName ?? '' }), contact.phone ?? '', contact.email ?? ''],
    woonplaats: [`${answers.woonplaats.postcode} ${municipalityName}`],
    geboortejaar: [String(answers.geboortejaar.birthYear)],
    situatie: [t(`values.situation.${answers.situatie.situation}`), `${t('steps.situatie.inEducation')} ${t(`values.inEducation.${answers.situatie.inEducation}`)}`],
    werk: [t(`values.wantsWork.${werk.wantsWork}`), `${t('steps.werk.wantsTraining')} ${t(`values.wantsTraining.${werk.wantsTraining}`)}`],
    drempels: [
      list(
        drempels.barriers.map((barrier) => (barrier === 'other' ? `${t('values.barrier.other')}: ${drempels.barrierOther ?? ''}` : t(`values.barrier.${barrier}`))),
        t('summary.noBarriers'),
      ),
    ],
    nederlands: [t(`values.dutch.${answers.nederlands.dutchSelfAssessment}`)],
    voorkeur: [
      isIntakeLanguage(voorkeur.contactLanguage) ? languageNames[voorkeur.contactLanguage] : (voorkeur.contactLanguageOther ?? ''),
      list(
        voorkeur.contactMoments.map((moment) => t(`values.moment.${moment}`)),
        t('summary.anyMoment'),
      ),
    ],
    toestemming: [t('summary.processingGiven'), t(toestemming.consentSharing ? 'summary.sharingGiven' : 'summary.sharingNotGiven')],
  }
  return (
    <dl className="divide-y divide-slate-300 border-y border-slate-300">
      {intakeSteps.map((step) => (
        <div key={step} className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1 py-4">
          <dt className="w-full font-semibold sm:w-1/3">{t(`steps.${step}.label`)}</dt>
          <dd className="flex-1">
            {shown[step].filter(Boolean).map((line) => (
              <span key={line} className="block">
                {line}
              </span>
            ))}
          </dd>
          <dd>
            <Link to={intakePath(step, language, { terug: SUMMARY_STEP })} className="inline-flex min-h-11 items-center">
              {t('summary.change')}
              <span className="sr-only"> {t(`steps.${step}.label`)}</span>
            </Link>
          </dd>
        </div>
      ))}
    </dl>
  )
}
