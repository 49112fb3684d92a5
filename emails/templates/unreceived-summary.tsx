import { Heading, Text } from '../components'
import { ButtonWithLink, EmailLayout, emailStyles as s } from '#emails/layout'

/**
 * Every weekday morning to each regional admin (their regions) and platform admin (all of Flanders) while intakes
 * wait without a receiver: counts and a link only, nothing about a resident.
 */
export type UnreceivedSummaryProps = {
  name: string
  /** "Regio Gent", "Regio Gent en Waasland" or "heel Vlaanderen". */
  area: string
  waiting: number
  overdue: number
  listUrl: string
}

const intakes = (n: number) => (n === 1 ? '1 aanmelding' : `${n} aanmeldingen`)

export const subject = ({ waiting, area }: UnreceivedSummaryProps) => `${intakes(waiting)} zonder ontvanger in ${area}`

export function UnreceivedSummaryEmail({ name, area, waiting, overdue, listUrl }: UnreceivedSummaryProps) {
  return (
    <EmailLayout preview={`Aanmeldingen in ${area} die nog geen triagemedewerker ziet.`}>
      <Heading as="h1" style={s.heading}>
        {`Aanmeldingen zonder ontvanger in ${area}`}
      </Heading>
      <Text style={s.text}>{`Dag ${name},`}</Text>
      <Text style={s.text}>
        {`${intakes(waiting)} ${waiting === 1 ? 'wacht' : 'wachten'} bij een organisatie zonder actieve triagemedewerker${overdue > 0 ? `; ${overdue} ${overdue === 1 ? 'is' : 'zijn'} te laat voor een eerste contact` : ''}. Nodig een triagemedewerker uit bij die organisatie, of wijs de aanmeldingen opnieuw toe.`}
      </Text>
      <ButtonWithLink href={listUrl}>Open de lijst</ButtonWithLink>
      <Text style={s.text}>Om de inwoners te beschermen staan er geen namen of andere persoonsgegevens in deze e-mail.</Text>
    </EmailLayout>
  )
}
