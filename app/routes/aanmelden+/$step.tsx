import { parseWithZod } from '#app/utils/parse-form'
import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import type { ComponentType } from 'react'
import { IntakeAssistedNotice, type StepProps } from '#app/features/intake/step-form'
import { BirthYearStep, ContactStep, NameStep, PlaceStep, SituationStep } from '#app/features/intake/steps-person'
import { BarriersStep, ConsentStep, DutchStep, PreferencesStep, WorkStep } from '#app/features/intake/steps-needs'
import { checkStep, municipalityChoices } from '#app/features/intake/intake-checks.server'
import { commitDraft } from '#app/features/intake/intake-draft.server'
import { intakePath } from '#domain/intake-languages'
import { helpingOrganisation, intakeFormData, intakeLanguage, intakePageLanguage, intakeTranslations, requireDraft } from '#app/features/intake/intake-page.server'
import { firstMissingStep, type IntakeStep, isIntakeStep, nextStep, previousStep, stepNumber, stepSchemas, SUMMARY_STEP, TOTAL_STEPS } from '#app/features/intake/intake-steps'
import { checkHoneypot } from '#app/utils/honeypot.server'

// Public: one step of the intake form (/aanmelden/naam … /aanmelden/toestemming).
const components: Record<IntakeStep, ComponentType<StepProps>> = {
  naam: NameStep,
  contact: ContactStep,
  woonplaats: PlaceStep,
  geboortejaar: BirthYearStep,
  situatie: SituationStep,
  werk: WorkStep,
  drempels: BarriersStep,
  nederlands: DutchStep,
  voorkeur: PreferencesStep,
  toestemming: ConsentStep,
}

function stepOf(params: LoaderFunctionArgs['params']): IntakeStep {
  if (isIntakeStep(params.step)) return params.step
  throw new Response('Not found', { status: 404 })
}

/** Came from the summary ("change"): back to it after saving. */
const fromSummary = (request: Request) => new URL(request.url).searchParams.get('terug') === SUMMARY_STEP

export async function loader({ request, params }: LoaderFunctionArgs) {
  const step = stepOf(params)
  const language = await intakePageLanguage(request)
  const draft = await requireDraft(request, language)
  // Steps are answered in order: a step further on waits until the ones before it are done.
  const missing = firstMissingStep(draft.answers)
  if (missing && stepNumber(missing) < stepNumber(step)) throw redirect(intakePath(missing, language))
  const saved = draft.answers[step]
  const previous = previousStep(step)
  const t = await intakeTranslations(language)
  return json({
    title: `${t(`steps.${step}.title`)} – ${t('progress', { current: stepNumber(step), total: TOTAL_STEPS })}`,
    step,
    // The language of the form is the likeliest language for contact.
    defaultValue: (saved ?? (step === 'voorkeur' ? { contactLanguage: language } : undefined)) as Record<string, unknown> | undefined,
    backTo: fromSummary(request) ? intakePath(SUMMARY_STEP, language) : intakePath(previous ?? '', language),
    helperName: await helpingOrganisation(request, draft),
    assisted: draft.assisted,
    municipalityChoices: saved && 'postcode' in saved ? await municipalityChoices(saved.postcode) : [],
  })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const step = stepOf(params)
  const formData = await intakeFormData(request)
  await checkHoneypot(formData)
  const language = await intakeLanguage(request)
  const draft = await requireDraft(request, language)
  const submission = parseWithZod(formData, { schema: stepSchemas[step] })
  if (submission.status !== 'success') return json({ result: submission.reply(), municipalityChoices: [] }, { status: 400 })
  const checked = await checkStep(step, submission.value, await helpingOrganisation(request, draft))
  if (!checked.ok) {
    return json({ result: submission.reply({ fieldErrors: checked.fieldErrors }), municipalityChoices: checked.municipalityChoices ?? [] }, { status: 400 })
  }
  const saved = { ...draft, language, answers: { ...draft.answers, [step]: checked.value } }
  const next = fromSummary(request) ? SUMMARY_STEP : nextStep(step)
  return redirect(intakePath(next, language), { headers: { 'Set-Cookie': await commitDraft(request, saved) } })
}

export default function IntakeStepPage() {
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const Step = components[data.step]
  return (
    <>
      {data.assisted ? <IntakeAssistedNotice organisation={data.helperName} /> : null}
      <Step
        key={data.step}
        lastResult={actionData?.result}
        defaultValue={data.defaultValue}
        backTo={data.backTo}
        helperName={data.helperName}
        municipalityChoices={actionData?.municipalityChoices.length ? actionData.municipalityChoices : data.municipalityChoices}
      />
    </>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.title} – Stapsteen` : 'Stapsteen' }]
