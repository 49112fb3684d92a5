import { getInputProps } from '@conform-to/react'
import { useTranslation } from 'react-i18next'
import { intakeSituations } from '#domain/values'
import { educationAnswers } from './intake-steps'
import { Field } from '#app/components/forms'
import { IntakeContactFields } from './contact-fields'
import { ChoiceGroup, IntakeStepForm, type StepProps, useErrors, useIntakeForm } from './step-form'

/** The steps about the person: name, contact, where they live, birth year, situation. */
export function NameStep(props: StepProps) {
  const { t } = useTranslation('intake')
  const errors = useErrors()
  const [form, fields] = useIntakeForm('naam', props)
  return (
    <IntakeStepForm step="naam" form={form} backTo={props.backTo}>
      <Field
        label={t('steps.naam.firstName')}
        errors={errors(fields.firstName)}
        inputProps={{ ...getInputProps(fields.firstName, { type: 'text' }), autoComplete: 'given-name' }}
      />
      <Field
        label={t('steps.naam.lastName')}
        help={t('steps.naam.lastNameHelp')}
        errors={errors(fields.lastName)}
        inputProps={{ ...getInputProps(fields.lastName, { type: 'text' }), autoComplete: 'family-name' }}
      />
    </IntakeStepForm>
  )
}

export function ContactStep(props: StepProps) {
  const [form, fields] = useIntakeForm('contact', props)
  return (
    <IntakeStepForm step="contact" form={form} backTo={props.backTo}>
      <IntakeContactFields fields={fields} helperName={props.helperName} />
    </IntakeStepForm>
  )
}

export function PlaceStep(props: StepProps) {
  const { t } = useTranslation('intake')
  const errors = useErrors()
  const [form, fields] = useIntakeForm('woonplaats', props)
  const choices = props.municipalityChoices
  return (
    <IntakeStepForm step="woonplaats" form={form} backTo={props.backTo}>
      <Field
        label={t('steps.woonplaats.postcode')}
        help={t('steps.woonplaats.postcodeHelp')}
        errors={errors(fields.postcode)}
        inputProps={{ ...getInputProps(fields.postcode, { type: 'text' }), inputMode: 'numeric', autoComplete: 'postal-code', dir: 'ltr' }}
      />
      {choices.length > 1 ? (
        <ChoiceGroup
          meta={fields.municipalityNis}
          type="radio"
          legend={t('steps.woonplaats.municipality')}
          choices={choices.map((choice) => ({ value: choice.nis, label: choice.name }))}
        />
      ) : null}
    </IntakeStepForm>
  )
}

export function BirthYearStep(props: StepProps) {
  const { t } = useTranslation('intake')
  const errors = useErrors()
  const [form, fields] = useIntakeForm('geboortejaar', props)
  return (
    <IntakeStepForm step="geboortejaar" form={form} backTo={props.backTo}>
      <Field
        label={t('steps.geboortejaar.birthYear')}
        help={t('steps.geboortejaar.birthYearHelp')}
        errors={errors(fields.birthYear)}
        inputProps={{ ...getInputProps(fields.birthYear, { type: 'text' }), inputMode: 'numeric', autoComplete: 'bday-year', dir: 'ltr' }}
      />
    </IntakeStepForm>
  )
}

export function SituationStep(props: StepProps) {
  const { t } = useTranslation('intake')
  const [form, fields] = useIntakeForm('situatie', props)
  return (
    <IntakeStepForm step="situatie" form={form} backTo={props.backTo}>
      <ChoiceGroup
        meta={fields.situation}
        type="radio"
        legend={t('steps.situatie.situation')}
        choices={intakeSituations.map((value) => ({ value, label: t(`values.situation.${value}`) }))}
      />
      <ChoiceGroup
        meta={fields.inEducation}
        type="radio"
        legend={t('steps.situatie.inEducation')}
        choices={educationAnswers.map((value) => ({ value, label: t(`values.inEducation.${value}`) }))}
      />
    </IntakeStepForm>
  )
}
