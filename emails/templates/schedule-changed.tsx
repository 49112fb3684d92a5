import { Heading, Link, Text } from '../components'
import { formatDate } from '#domain/compensation-labels'
import { ButtonWithLink, EmailLayout, emailStyles as s } from '#emails/layout'

export type ScheduleChangedProps = {
  contactName: string
  organisationName: string
  /** "Regio Gent", or "OCMW Gent (Regio Gent)" for an OCMW's deviation. */
  scheduleName: string
  /** ISO date the new version starts. */
  validFrom: string
  note: string | null
  costsUrl: string
  comparisonUrl: string
}

export const subject = ({ scheduleName, validFrom }: ScheduleChangedProps) =>
  `Nieuwe vergoedingen voor werkervaring in ${scheduleName} vanaf ${formatDate(validFrom)}`

/** To employers with published placements where a compensation schedule changes (addressed with "u"). */
export function ScheduleChangedEmail({
  contactName,
  organisationName,
  scheduleName,
  validFrom,
  note,
  costsUrl,
  comparisonUrl,
}: ScheduleChangedProps) {
  const from = formatDate(validFrom)
  // At least 150 characters, so React Email adds no invisible padding after it: those ~600 multi-byte characters
  // made React's stream renderer put NUL bytes in the HTML, which PostgreSQL refuses (see the report).
  const preview =
    `Vanaf ${from} gelden nieuwe vergoedingen in ${scheduleName}. ${organisationName} heeft daar gepubliceerde plaatsen; bekijk wat het u kost.`.padEnd(
      150,
      ' ',
    )
  return (
    <EmailLayout preview={preview}>
      <Heading as="h1" style={s.heading}>
        Nieuwe vergoedingen in {scheduleName}
      </Heading>
      <Text style={s.text}>{`Dag ${contactName},`}</Text>
      <Text style={s.text}>
        {`Vanaf ${from} geldt in ${scheduleName} een nieuwe regeling voor wat een werkgever betaalt voor een werkervaringsplaats. ${organisationName} heeft daar gepubliceerde plaatsen, daarom laten we het u weten.`}
      </Text>
      {note ? <Text style={s.text}>{`Toelichting: ${note}`}</Text> : null}
      <ButtonWithLink href={costsUrl}>Bekijk wat uw plaatsen kosten</ButtonWithLink>
      <Text style={s.text}>
        Alle regio's naast elkaar, met de vorige bedragen:{' '}
        <Link href={comparisonUrl} style={s.link}>
          {comparisonUrl}
        </Link>
      </Text>
      <Text style={s.text}>U hoeft niets te doen: de nieuwe bedragen staan vanaf die datum bij uw plaatsen.</Text>
    </EmailLayout>
  )
}
