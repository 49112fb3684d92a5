import { Heading, Link, Text } from '../components'
import { EmailLayout, emailStyles as s } from '#emails/layout'

export type EmployerRejectedProps = { name: string; organisationName: string; reason: string; organisationUrl: string }

export const subject = 'Uw organisatie is nog niet goedgekeurd op Stapsteen'

export function EmployerRejectedEmail({ name, organisationName, reason, organisationUrl }: EmployerRejectedProps) {
  // A short, fixed preview: React 18.3's stream renderer can put NUL bytes into a 52–149 character one.
  return (
    <EmailLayout preview="Uw organisatie is nog niet goedgekeurd.">
      <Heading as="h1" style={s.heading}>
        Uw organisatie is nog niet goedgekeurd
      </Heading>
      <Text style={s.text}>{`Dag ${name},`}</Text>
      <Text style={s.text}>
        {`Een regionale beheerder heeft de gegevens van ${organisationName} nagekeken, maar kon de organisatie niet goedkeuren. Dit is de reden:`}
      </Text>
      <Text style={{ ...s.text, borderLeft: '4px solid #d1d5db', paddingLeft: '12px' }}>{reason}</Text>
      <Text style={s.text}>
        Daarom blijven uw plaatsen onzichtbaar voor trajectbegeleiders en bemiddelaars. Ook de plaatsen die u al indiende,
        blijven verborgen.
      </Text>
      <Text style={s.text}>
        Wat kan u doen? Kijk de gegevens van uw organisatie na en pas ze aan waar nodig. Neem daarna contact op met het OCMW
        of VDAB in uw regio. De beheerder kan uw organisatie later alsnog goedkeuren.
      </Text>
      <Text style={s.text}>
        Uw gegevens vindt u hier:
        <br />
        <Link href={organisationUrl} style={s.link}>
          {organisationUrl}
        </Link>
      </Text>
    </EmailLayout>
  )
}
