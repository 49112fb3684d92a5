import { getFormProps, getInputProps, getSelectProps, type SubmissionResult, useForm } from '@conform-to/react'
import { getZodConstraint } from '@conform-to/zod'
import { parseWithZod } from '#app/utils/parse-form'
import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { requireUserWithPermission } from '#app/auth/session.server'
import { ErrorPage } from '#app/components/error-page'
import { Field, SelectField } from '#app/components/forms'
import { PosterChannelTable } from '#app/features/intake/poster-channel-table'
import { dutchLanguageNames } from '#app/features/intake/poster-language-picker'
import { channelLink } from '#app/features/intake/poster-sheet'
import { db } from '#app/utils/db.server'
import { publicBaseUrl } from '#app/utils/public-url.server'
import { withToast } from '#app/utils/toast.server'
import { createOwnChannel, listOwnChannels, RECENT_DAYS, renameOwnChannel } from '#db/queries/intake-channels'
import { intakeLanguages } from '#domain/values'
import { ErrorSummary } from '#app/components/error-summary'

/** /partner/kanalen — the organisation's intake links with their counts; make a new one or rename one. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, 'intake:assist')
  const channels = await listOwnChannels(db(), user)
  const baseUrl = publicBaseUrl()
  return json({ channels: channels.map((channel) => ({ ...channel, link: channelLink(baseUrl, channel.code) })) })
}

const NameSchema = z
  .string({ required_error: 'Geef de link een naam.' })
  .trim()
  .min(2, 'Gebruik minstens 2 tekens.')
  .max(80, 'Gebruik hoogstens 80 tekens.')
const CreateSchema = z.object({
  name: NameSchema,
  language: z.enum(intakeLanguages, { errorMap: () => ({ message: 'Kies een van de talen uit de lijst.' }) }),
})
// The channel id is checked by the query: an unknown or malformed one is a 404, like another partner's channel.
const RenameSchema = z.object({ name: NameSchema })

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, 'intake:assist')
  const formData = await request.formData()
  const intent = formData.get('intent')
  const done = async (message: string) => redirect('/partner/kanalen', await withToast({ kind: 'success', message }))

  if (intent === 'create') {
    const submission = parseWithZod(formData, { schema: CreateSchema })
    if (submission.status !== 'success') return json({ intent, channelId: '', result: submission.reply() }, { status: 400 })
    await db().transaction((tx) => createOwnChannel(tx, user, submission.value))
    throw await done(`De link "${submission.value.name}" is klaar. Deel de link of druk het affiche af.`)
  }
  if (intent === 'rename') {
    const channelId = String(formData.get('channelId') ?? '')
    const submission = parseWithZod(formData, { schema: RenameSchema })
    if (submission.status !== 'success') return json({ intent, channelId, result: submission.reply() }, { status: 400 })
    const renamed = await db().transaction((tx) => renameOwnChannel(tx, user, channelId, submission.value.name))
    if (!renamed) throw new Response('Deze aanmeldlink bestaat niet, of hoort niet bij je organisatie.', { status: 404 })
    throw await done(`De link heet nu "${renamed.name}". Het adres en de affiches blijven dezelfde.`)
  }
  throw new Response('Dit formulier kennen we niet.', { status: 400 })
}

export default function ChannelsPage() {
  const { channels } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <>
      <h1>Aanmeldlinks en affiches</h1>
      <p className="mt-2 max-w-3xl">
        Via een aanmeldlink of de QR-code op een affiche melden inwoners zich zelf aan. Maak een aparte link per plek of activiteit, bijvoorbeeld
        "Taalcafé op dinsdag": dan zie je hoeveel aanmeldingen elke link oplevert. Je ziet alleen aantallen, nooit wie zich aanmeldde.
      </p>
      <section className="mt-8" aria-labelledby="channels-title">
        <h2 id="channels-title">Je aanmeldlinks</h2>
        {channels.length === 0 ? (
          <p className="mt-3">Je organisatie heeft nog geen aanmeldlinks. Maak hieronder de eerste.</p>
        ) : (
          <PosterChannelTable channels={channels} recentDays={RECENT_DAYS} rename={actionData?.intent === 'rename' ? actionData : undefined} />
        )}
      </section>
      <NewChannelForm lastResult={actionData?.intent === 'create' ? actionData.result : undefined} />
    </>
  )
}

function NewChannelForm({ lastResult }: { lastResult: SubmissionResult<string[]> | undefined }) {
  const [form, fields] = useForm({
    id: 'new-channel',
    lastResult,
    defaultValue: { language: 'nl' },
    constraint: getZodConstraint(CreateSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CreateSchema }),
    shouldRevalidate: 'onInput',
  })
  return (
    <section className="card mt-10 max-w-2xl" aria-labelledby="new-channel-title">
      <h2 id="new-channel-title">Nieuwe aanmeldlink</h2>
      <Form method="post" className="mt-4" {...getFormProps(form)}>
        <ErrorSummary form={form} />
        <Field
          label="Naam"
          help="Voor jezelf en je collega's, bijvoorbeeld de plek waar het affiche hangt. Inwoners zien deze naam niet."
          errors={fields.name.errors}
          inputProps={{ ...getInputProps(fields.name, { type: 'text' }), autoComplete: 'off' }}
        />
        <SelectField
          label="Taal waarin het formulier opent"
          help="Inwoners kunnen in het formulier altijd een andere taal kiezen. Het affiche druk je af in elke taal."
          errors={fields.language.errors}
          options={intakeLanguages.map((language) => ({ value: language, label: dutchLanguageNames[language] }))}
          selectProps={getSelectProps(fields.language)}
        />
        <input type="hidden" name="intent" value="create" />
        <button type="submit" className="btn-primary">
          Aanmeldlink maken
        </button>
      </Form>
    </section>
  )
}

export const meta: MetaFunction = () => [{ title: 'Aanmeldlinks en affiches – Stapsteen' }]

export function ErrorBoundary() {
  return <ErrorPage />
}
