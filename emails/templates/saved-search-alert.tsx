import { Heading, Link, Text } from '../components'
import { ButtonWithLink, EmailLayout, emailStyles as s } from '#emails/layout'

export type SavedSearchAlertProps = {
  name: string
  /** The search's criteria in plain words (app/features/placement-search/search-summary.ts), never its name. */
  summary: string
  /** Public placements only: title, where, and the link to their public page. */
  placements: { title: string; details: string; url: string }[]
  /** New placements beyond those listed. */
  more: number
  searchUrl: string
  savedSearchesUrl: string
}

const count = (n: number) => (n === 1 ? '1 nieuwe werkervaringsplaats' : `${n} nieuwe werkervaringsplaatsen`)

export const subject = ({ placements, more }: SavedSearchAlertProps) => `${count(placements.length + more)} voor je bewaarde zoekopdracht`

/**
 * To a caseworker (addressed with "je") when placements that match a saved search are published. Only what the
 * public placement pages show: no client, no contact details.
 */
export function SavedSearchAlertEmail({ name, summary, placements, more, searchUrl, savedSearchesUrl }: SavedSearchAlertProps) {
  return (
    <EmailLayout preview={`${count(placements.length + more)} voor je zoekopdracht.`}>
      <Heading as="h1" style={s.heading}>
        {`${count(placements.length + more)} voor je zoekopdracht`}
      </Heading>
      <Text style={s.text}>{`Dag ${name},`}</Text>
      <Text style={s.text}>{`Er zijn nieuwe plaatsen gepubliceerd die passen bij je bewaarde zoekopdracht (${summary}):`}</Text>
      <ul style={{ ...s.text, paddingLeft: '24px' }}>
        {placements.map((placement) => (
          <li key={placement.url} style={{ marginBottom: '8px' }}>
            <Link href={placement.url} style={s.link}>
              {placement.title}
            </Link>
            <br />
            {placement.details}
          </li>
        ))}
      </ul>
      {more > 0 ? <Text style={s.text}>{`En nog ${more} andere. Je ziet ze allemaal bij de zoekopdracht.`}</Text> : null}
      <ButtonWithLink href={searchUrl}>Open de zoekopdracht</ButtonWithLink>
      <Text style={s.text}>
        Geen e-mails meer voor deze zoekopdracht? Zet ze uit bij{' '}
        <Link href={savedSearchesUrl} style={s.link}>
          je bewaarde zoekopdrachten
        </Link>
        .
      </Text>
    </EmailLayout>
  )
}
