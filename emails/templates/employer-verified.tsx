import { Heading, Text } from '../components'
import { ButtonWithLink, EmailLayout, emailStyles as s } from '#emails/layout'

export type EmployerVerifiedProps = { name: string; organisationName: string; publishedPlacements: string[]; organisationUrl: string }

export const subject = 'Uw organisatie is geverifieerd op Stapsteen'

export function EmployerVerifiedEmail({ name, organisationName, publishedPlacements, organisationUrl }: EmployerVerifiedProps) {
  // A short, fixed preview: React 18.3's stream renderer can put NUL bytes into a 52–149 character one.
  return (
    <EmailLayout preview="Uw organisatie is geverifieerd.">
      <Heading as="h1" style={s.heading}>
        Uw organisatie is geverifieerd
      </Heading>
      <Text style={s.text}>{`Dag ${name},`}</Text>
      <Text style={s.text}>
        {`Een regionale beheerder heeft de gegevens van ${organisationName} nagekeken en goedgekeurd. Trajectbegeleiders van het OCMW en bemiddelaars van VDAB kunnen uw gepubliceerde plaatsen nu zien.`}
      </Text>
      {publishedPlacements.length > 0 ? (
        <>
          <Text style={s.text}>Deze plaatsen zijn nu zichtbaar:</Text>
          <ul style={{ ...s.text, paddingLeft: '24px' }}>
            {publishedPlacements.map((title) => (
              <li key={title}>{title}</li>
            ))}
          </ul>
        </>
      ) : (
        <Text style={s.text}>U hebt nog geen plaatsen gepubliceerd. Dat kan nu op elk moment.</Text>
      )}
      <ButtonWithLink href={organisationUrl}>Naar uw organisatie</ButtonWithLink>
    </EmailLayout>
  )
}
