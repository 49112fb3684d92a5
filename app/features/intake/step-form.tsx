import { type FieldMetadata, type FormMetadata, getCollectionProps, getFormProps, type SubmissionResult, useForm } from '@conform-to/react'
import { getZodConstraint } from '@conform-to/zod'
import { parseWithZod } from '#app/utils/parse-form'
import { Form, Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { type IntakeStep, type StepSchemas, stepNumber, stepSchemas, TOTAL_STEPS } from './intake-steps'
import { ErrorSummary } from '#app/components/error-summary'
import { HoneypotFields } from '#app/components/honeypot-fields'

/**
 * The frame of every step of the public intake form: progress, heading, one form that works without
 * JavaScript (POST, then a redirect to the next step), back and next. Messages are translation keys
 * (app/features/intake/intake-steps.ts), translated here.
 */
export type StepProps = {
  lastResult: SubmissionResult<string[]> | undefined
  defaultValue: Record<string, unknown> | undefined
  /** Where "back" goes: the previous step, the start page, or the summary when the person came from there. */
  backTo: string
  /** The organisation that helped (channel or outreach worker): offered as a way to be contacted. */
  helperName: string | null
  /** Municipalities to choose from when the postcode lies in two. */
  municipalityChoices: { nis: string; name: string }[]
}

export function useIntakeForm<S extends IntakeStep>(step: S, props: StepProps) {
  const schema: z.ZodTypeAny = stepSchemas[step]
  return useForm<z.input<StepSchemas[S]>>({
    id: `intake-${step}`,
    lastResult: props.lastResult,
    defaultValue: props.defaultValue as never,
    constraint: getZodConstraint(schema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
}

/** Translated error texts of a field, with its length limit for "use at most {{max}} characters". */
export function useErrors() {
  const { t } = useTranslation('intake')
  return (meta: { errors?: string[]; maxLength?: number }) => meta.errors?.map((key) => t(key, { max: meta.maxLength ?? '' }))
}

/** The error summary in the resident's language; "at most {{max}} characters" gets the field's own limit. */
export function IntakeErrorSummary({ form, schema }: { form: FormMetadata<any, string[]>; schema: z.ZodTypeAny }) {
  const { t } = useTranslation('intake')
  const constraint = getZodConstraint(schema)
  return <ErrorSummary form={form} title={t('errorSummary')} translate={(key, name) => t(key, { max: constraint[name]?.maxLength ?? '' })} />
}

export function IntakeProgress({ current }: { current: number }) {
  const { t } = useTranslation('intake')
  return (
    <div className="mb-4">
      <p className="font-semibold text-slate-700">{t('progress', { current, total: TOTAL_STEPS })}</p>
      {/* The sentence above says it in words; the bar repeats it for the eye. An SVG whose width is an attribute:
          the Content-Security-Policy refuses style attributes. Mirrored for right-to-left languages. */}
      <svg aria-hidden="true" className="mt-2 block h-2 w-full rtl:-scale-x-100">
        <rect width="100%" height="100%" rx="4" className="fill-slate-200" />
        <rect width={`${(current / TOTAL_STEPS) * 100}%`} height="100%" rx="4" className="fill-brand-700" />
      </svg>
    </div>
  )
}

export function IntakeStepForm<Schema extends Record<string, unknown>>(props: { step: IntakeStep; form: FormMetadata<Schema>; backTo: string; children: ReactNode }) {
  const { t } = useTranslation('intake')
  const { step, form } = props
  return (
    <>
      <IntakeProgress current={stepNumber(step)} />
      <h1>{t(`steps.${step}.title`)}</h1>
      <p className="mt-2 text-lg">{t(`steps.${step}.intro`)}</p>
      <Form method="post" {...getFormProps(form)} className="mt-6">
        <HoneypotFields label={t('honeypot')} />
        <IntakeErrorSummary form={form} schema={stepSchemas[step]} />
        {props.children}
        <div className="mt-8 flex flex-wrap items-center justify-between gap-4">
          <Link to={props.backTo} className="btn-secondary">
            {t('nav.back')}
          </Link>
          <button type="submit" className="btn-primary">
            {t('nav.next')}
          </button>
        </div>
      </Form>
    </>
  )
}

type Choice = { value: string; label: ReactNode; lang?: string }

/** Radio buttons or checkboxes as one question: fieldset and legend, big targets, help and error tied to it. */
export function ChoiceGroup(props: { meta: FieldMetadata<unknown>; type: 'radio' | 'checkbox'; legend: string; help?: string; choices: Choice[] }) {
  const { meta, type, choices } = props
  const errors = useErrors()(meta)
  const helpId = props.help ? `${meta.id}-help` : undefined
  const describedBy = [helpId, errors ? meta.errorId : undefined].filter(Boolean).join(' ') || undefined
  const inputs = getCollectionProps(meta, { type, options: choices.map((choice) => choice.value) })
  return (
    // The field's id on the fieldset: the error summary's link leads here (its inputs carry their own ids).
    <fieldset id={meta.id} tabIndex={-1} className="mb-6" aria-describedby={describedBy}>
      <legend className="field-label text-lg">{props.legend}</legend>
      {props.help ? (
        <p id={helpId} className="text-slate-700">
          {props.help}
        </p>
      ) : null}
      <div className="mt-2 grid gap-2">
        {inputs.map(({ key, ...input }, index) => (
          <label key={key} htmlFor={input.id} lang={choices[index]?.lang} className="flex min-h-12 cursor-pointer items-center gap-3 rounded-md border border-slate-400 px-4 py-2 has-checked:border-brand-700 has-checked:bg-brand-50">
            <input {...input} className="size-6 shrink-0 accent-brand-700" />
            <span>{choices[index]?.label}</span>
          </label>
        ))}
      </div>
      {errors ? (
        <p id={meta.errorId} className="field-error">
          {errors.join(' ')}
        </p>
      ) : null}
    </fieldset>
  )
}

/** Shown while an outreach worker fills in the form with the resident (started from /partner/aanmelden). */
export function IntakeAssistedNotice({ organisation }: { organisation: string | null }) {
  const { t } = useTranslation('intake')
  return <p className="mb-6 rounded-md border border-brand-700 bg-brand-50 px-4 py-3">{t('assisted', { organisation: organisation ?? '' })}</p>
}
