import { Heading, Text } from '../components'
import { ButtonWithLink, EmailLayout, emailStyles as s } from '#emails/layout'

export type EmployerAwaitingVerificationProps = {
  adminName: string
  organisationName: string
  enterpriseNumber: string
  municipalities: string[]
  reviewUrl: string
}

export const subject = ({ organisationName }: EmployerAwaitingVerificationProps) => `Nieuwe werkgever om na te kijken: ${organisationName}`

/** To the regional admins of the employer's regions, once the employer has confirmed its e-mail address. */
export function EmployerAwaitingVerificationEmail(props: EmployerAwaitingVerificationProps) {
  const { adminName, organisationName, enterpriseNumber, municipalities, reviewUrl } = props
  // A short, fixed preview: React 18.3's stream renderer can put NUL bytes into a 52–149 character one.
  return (
    <EmailLayout preview="Een nieuwe werkgever wacht op verificatie.">
      <Heading as="h1" style={s.heading}>
        Een nieuwe werkgever wacht op verificatie
      </Heading>
      <Text style={s.text}>{`Dag ${adminName},`}</Text>
      <Text style={s.text}>
        {`${organisationName} (ondernemingsnummer ${enterpriseNumber}) registreerde zich op Stapsteen en bevestigde het e-mailadres. De organisatie heeft een vestiging in ${municipalities.join(', ')}.`}
      </Text>
      <Text style={s.text}>
        Kijk na of de werkgever echt bestaat, bijvoorbeeld in de KBO. Pas na jouw goedkeuring worden de plaatsen van deze
        werkgever zichtbaar.
      </Text>
      <ButtonWithLink href={reviewUrl}>Werkgever nakijken</ButtonWithLink>
    </EmailLayout>
  )
}
