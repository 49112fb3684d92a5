import { Heading, Text } from '../components'
import { ButtonWithLink, EmailLayout, emailStyles as s } from '#emails/layout'

/**
 * To the owner of an address someone registered an employer with, while it already has an account. The form
 * answers such a registration like any other ("check your mail"), so it tells nobody which addresses have an
 * account; this mail tells the one person who may know.
 */
export type RegistrationAttemptProps = { name: string; loginUrl: string; resetUrl: string }

export const subject = 'Iemand wilde een account maken met uw e-mailadres'

export function RegistrationAttemptEmail({ name, loginUrl, resetUrl }: RegistrationAttemptProps) {
  return (
    <EmailLayout preview="U hebt al een account op Stapsteen.">
      <Heading as="h1" style={s.heading}>
        U hebt al een account
      </Heading>
      <Text style={s.text}>{`Dag ${name},`}</Text>
      <Text style={s.text}>
        Iemand registreerde net een organisatie als werkgever op Stapsteen met uw e-mailadres. Met dat adres bestaat al
        een account, dus er is niets nieuws gemaakt.
      </Text>
      <Text style={s.text}>Was u het zelf? Log dan in met uw account.</Text>
      <ButtonWithLink href={loginUrl}>
        Inloggen
      </ButtonWithLink>
      <Text style={s.text}>Weet u uw wachtwoord niet meer? Vraag dan een nieuw wachtwoord aan.</Text>
      <ButtonWithLink href={resetUrl}>
        Nieuw wachtwoord aanvragen
      </ButtonWithLink>
      <Text style={s.text}>Was u het niet? Dan hoeft u niets te doen. Uw account en uw wachtwoord blijven zoals ze zijn.</Text>
    </EmailLayout>
  )
}
