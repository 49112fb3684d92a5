import { Heading, Text } from '../components'
import { ButtonWithLink, EmailLayout, emailStyles as s } from '#emails/layout'

/**
 * Every weekday morning to each triage worker of a team with something waiting: counts and links only. No name,
 * no reference code, nothing about a resident: mail travels further than the portal.
 */
export type TriageDailySummaryProps = {
  name: string
  organisation: string
  /** Intakes nobody contacted yet, of which `overdue` are past their first-contact day. */
  waiting: number
  overdue: number
  /** Hand-overs from the other organisation waiting for the team's answer. */
  referrals: number
  queueUrl: string
}

const intakes = (n: number) => (n === 1 ? '1 aanmelding' : `${n} aanmeldingen`)

export const subject = ({ overdue, waiting, referrals }: TriageDailySummaryProps) =>
  overdue > 0 ? `Triage: ${intakes(overdue)} te laat voor een eerste contact` : `Triage: ${intakes(waiting + referrals)} wachten op je team`

export function TriageDailySummaryEmail({ name, organisation, waiting, overdue, referrals, queueUrl }: TriageDailySummaryProps) {
  return (
    <EmailLayout preview={`Wat er vandaag wacht in de triagewachtrij van ${organisation}.`}>
      <Heading as="h1" style={s.heading}>
        {`Triage bij ${organisation}: dit wacht vandaag`}
      </Heading>
      <Text style={s.text}>{`Dag ${name},`}</Text>
      <ul style={{ ...s.text, paddingLeft: '24px' }}>
        <li>{`${intakes(waiting)} wachten op een eerste contact${overdue > 0 ? `, waarvan ${overdue} te laat` : ''}.`}</li>
        <li>{`${referrals === 1 ? '1 doorverwijzing wacht' : `${referrals} doorverwijzingen wachten`} op jullie antwoord.`}</li>
      </ul>
      <ButtonWithLink href={queueUrl}>Open de wachtrij</ButtonWithLink>
      <Text style={s.text}>Om de inwoners te beschermen staan er geen namen of andere persoonsgegevens in deze e-mail.</Text>
    </EmailLayout>
  )
}
