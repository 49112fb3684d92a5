import { getFormProps, getInputProps, type SubmissionResult, useForm } from '@conform-to/react'
import { Form, Link } from '@remix-run/react'
import { Field } from '#app/components/forms'
import { LanguageName } from './poster-language-picker'
import type { IntakeLanguage } from '#domain/intake-languages'
import { ScrollTable } from '#app/components/scroll-table'

type Channel = { id: string; name: string; link: string; language: IntakeLanguage; intakesTotal: number; intakesRecent: number }
type RenameResult = { channelId: string; result: SubmissionResult<string[]> }

const count = new Intl.NumberFormat('nl-BE')

/** The organisation's intake links: the address to share, the counts, the poster, and renaming. */
export function PosterChannelTable({ channels, recentDays, rename }: { channels: Channel[]; recentDays: number; rename: RenameResult | undefined }) {
  return (
    <ScrollTable
      id="channels-caption"
      className="mt-3"
      tableClass="align-top"
      caption="Aanmeldlinks van je organisatie, met het aantal aanmeldingen per link"
      headings={['Naam', 'Link om te delen', 'Taal', 'Aanmeldingen', `Laatste ${recentDays} dagen`, 'Affiche en naam']}
      headingClass="px-2 py-2 align-bottom"
    >
      {channels.map((channel) => (
        <tr key={channel.id} className="border-b border-slate-200 align-top">
          <th scope="row" className="px-2 py-3 font-semibold">
            {channel.name}
          </th>
          <td className="px-2 py-3">
            {/* Text, not a link: a click would start a registration in the worker's own browser. */}
            <span className="break-all font-mono" data-testid="channel-link">
              {channel.link}
            </span>
          </td>
          <td className="px-2 py-3">
            <LanguageName language={channel.language} />
          </td>
          <td className="px-2 py-3 text-end tabular-nums">{count.format(channel.intakesTotal)}</td>
          <td className="px-2 py-3 text-end tabular-nums">{count.format(channel.intakesRecent)}</td>
          <td className="px-2 py-3">
            <Link to={`/partner/kanalen/${channel.id}/affiche?taal=${channel.language}`}>
              Affiche<span className="sr-only"> voor {channel.name}</span>
            </Link>
            <RenameForm channel={channel} lastResult={rename?.channelId === channel.id ? rename.result : undefined} />
          </td>
        </tr>
      ))}
    </ScrollTable>
  )
}

/** Folded away until needed (works without JavaScript); open again when the server found a mistake. */
function RenameForm({ channel, lastResult }: { channel: Channel; lastResult: SubmissionResult<string[]> | undefined }) {
  const [form, fields] = useForm({ id: `rename-${channel.id}`, lastResult, defaultValue: { name: channel.name } })
  return (
    <details className="mt-2" open={lastResult?.status === 'error' ? true : undefined}>
      <summary className="cursor-pointer text-brand-700 underline underline-offset-2">
        Naam wijzigen<span className="sr-only"> van {channel.name}</span>
      </summary>
      <Form method="post" className="mt-3 min-w-64" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="rename" />
        <input type="hidden" name="channelId" value={channel.id} />
        <Field
          label={
            <>
              Nieuwe naam<span className="sr-only"> voor {channel.name}</span>
            </>
          }
          errors={fields.name.errors}
          inputProps={{ ...getInputProps(fields.name, { type: 'text' }), autoComplete: 'off' }}
        />
        <button type="submit" className="btn-secondary">
          Naam opslaan
        </button>
      </Form>
    </details>
  )
}
