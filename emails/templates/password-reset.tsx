import { Heading, Text } from '../components'
import { ButtonWithLink, EmailLayout, emailStyles as s } from '#emails/layout'

export type PasswordResetProps = { name: string; resetUrl: string }

export const subject = 'Kies een nieuw wachtwoord voor Stapsteen'

/** To anyone with an account, staff or employer, so addressed with "u" (docs/schrijfwijzer.md). */
export function PasswordResetEmail({ name, resetUrl }: PasswordResetProps) {
  return (
    <EmailLayout preview="Kies een nieuw wachtwoord voor Stapsteen.">
      <Heading as="h1" style={s.heading}>
        Nieuw wachtwoord kiezen
      </Heading>
      <Text style={s.text}>{`Dag ${name},`}</Text>
      <Text style={s.text}>U vroeg om een nieuw wachtwoord voor Stapsteen. Klik op de knop en kies een nieuw wachtwoord.</Text>
      <ButtonWithLink href={resetUrl}>Kies een nieuw wachtwoord</ButtonWithLink>
      <Text style={s.text}>Deze link werkt 1 uur en maar één keer.</Text>
      <Text style={s.text}>Hebt u dit niet gevraagd? Dan hoeft u niets te doen. Uw wachtwoord blijft hetzelfde.</Text>
    </EmailLayout>
  )
}
