import { getInputProps } from '@conform-to/react'
import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { intakePath, isIntakeLanguage, languageNames } from '#domain/intake-languages'
import { contactLanguageChoices, trainingWishes } from './intake-steps'
import { contactMoments, dutchSelfAssessments, intakeBarriers, workWishes } from '#domain/values'
import { Field } from '#app/components/forms'
import { useIntakeLanguage } from './language-switcher'
import { ChoiceGroup, IntakeStepForm, type StepProps, useErrors, useIntakeForm } from './step-form'

/** The steps about what the person wants and needs: work, barriers, Dutch, contact preferences, consent. */
export function WorkStep(props: StepProps) {
  const { t } = useTranslation('intake')
  const [form, fields] = useIntakeForm('werk', props)
  return (
    <IntakeStepForm step="werk" form={form} backTo={props.backTo}>
      <ChoiceGroup
        meta={fields.wantsWork}
        type="radio"
        legend={t('steps.werk.wantsWork')}
        choices={workWishes.map((value) => ({ value, label: t(`values.wantsWork.${value}`) }))}
      />
      <ChoiceGroup
        meta={fields.wantsTraining}
        type="radio"
        legend={t('steps.werk.wantsTraining')}
        help={t('steps.werk.wantsTrainingHelp')}
        choices={trainingWishes.map((value) => ({ value, label: t(`values.wantsTraining.${value}`) }))}
      />
    </IntakeStepForm>
  )
}

export function BarriersStep(props: StepProps) {
  const { t } = useTranslation('intake')
  const errors = useErrors()
  const [form, fields] = useIntakeForm('drempels', props)
  return (
    <IntakeStepForm step="drempels" form={form} backTo={props.backTo}>
      <ChoiceGroup
        meta={fields.barriers}
        type="checkbox"
        legend={t('steps.drempels.barriers')}
        help={t('steps.drempels.barriersHelp')}
        choices={intakeBarriers.map((value) => ({ value, label: t(`values.barrier.${value}`) }))}
      />
      <Field label={t('steps.drempels.barrierOther')} errors={errors(fields.barrierOther)} inputProps={getInputProps(fields.barrierOther, { type: 'text' })} />
    </IntakeStepForm>
  )
}

export function DutchStep(props: StepProps) {
  const { t } = useTranslation('intake')
  const [form, fields] = useIntakeForm('nederlands', props)
  return (
    <IntakeStepForm step="nederlands" form={form} backTo={props.backTo}>
      <ChoiceGroup
        meta={fields.dutchSelfAssessment}
        type="radio"
        legend={t('steps.nederlands.dutch')}
        choices={dutchSelfAssessments.map((value) => ({ value, label: t(`values.dutch.${value}`) }))}
      />
    </IntakeStepForm>
  )
}

export function PreferencesStep(props: StepProps) {
  const { t } = useTranslation('intake')
  const errors = useErrors()
  const [form, fields] = useIntakeForm('voorkeur', props)
  return (
    <IntakeStepForm step="voorkeur" form={form} backTo={props.backTo}>
      <ChoiceGroup
        meta={fields.contactLanguage}
        type="radio"
        legend={t('steps.voorkeur.language')}
        choices={contactLanguageChoices.map((value) =>
          isIntakeLanguage(value) ? { value, label: languageNames[value], lang: value } : { value, label: t('values.contactLanguageOther') },
        )}
      />
      <Field label={t('steps.voorkeur.languageOther')} errors={errors(fields.contactLanguageOther)} inputProps={getInputProps(fields.contactLanguageOther, { type: 'text' })} />
      <ChoiceGroup
        meta={fields.contactMoments}
        type="checkbox"
        legend={t('steps.voorkeur.moments')}
        help={t('steps.voorkeur.momentsHelp')}
        choices={contactMoments.map((value) => ({ value, label: t(`values.moment.${value}`) }))}
      />
    </IntakeStepForm>
  )
}

export function ConsentStep(props: StepProps) {
  const { t } = useTranslation('intake')
  const [form, fields] = useIntakeForm('toestemming', props)
  const language = useIntakeLanguage()
  return (
    <IntakeStepForm step="toestemming" form={form} backTo={props.backTo}>
      <p className="mb-6">
        <Link to={intakePath('privacy', language)}>{t('steps.toestemming.privacyLink')}</Link>
      </p>
      <ChoiceGroup
        meta={fields.consentProcessing}
        type="checkbox"
        legend={t('steps.toestemming.processingLegend')}
        help={t('steps.toestemming.processingHelp')}
        choices={[{ value: 'on', label: t('steps.toestemming.processing') }]}
      />
      <ChoiceGroup
        meta={fields.consentSharing}
        type="checkbox"
        legend={t('steps.toestemming.sharingLegend')}
        help={t('steps.toestemming.sharingHelp')}
        choices={[{ value: 'on', label: t('steps.toestemming.sharing') }]}
      />
    </IntakeStepForm>
  )
}
