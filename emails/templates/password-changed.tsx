import { Heading, Text } from '../components'
import { ButtonWithLink, EmailLayout, emailStyles as s } from '#emails/layout'

/** No secret: the link is the public "forgot password" page, which asks for the address again. */
export type PasswordChangedProps = { name: string; forgotPasswordUrl: string }

export const subject = 'Uw wachtwoord voor Stapsteen is gewijzigd'

// OWASP ASVS 2.2.3: the owner hears of a change of their password, so one made by someone else does not go unseen.
// Staff and employers alike get it, so it says "u" (docs/schrijfwijzer.md).
export function PasswordChangedEmail({ name, forgotPasswordUrl }: PasswordChangedProps) {
  return (
    <EmailLayout preview="Uw wachtwoord is gewijzigd.">
      <Heading as="h1" style={s.heading}>
        Uw wachtwoord is gewijzigd
      </Heading>
      <Text style={s.text}>{`Dag ${name},`}</Text>
      <Text style={s.text}>
        Het wachtwoord van uw account op Stapsteen is zopas gewijzigd op de pagina Mijn account. U bent overal uitgelogd, behalve waar het gewijzigd
        werd.
      </Text>
      <Text style={s.text}>Hebt u dit zelf gedaan? Dan hoeft u niets te doen.</Text>
      <Text style={s.text}>
        Hebt u dit niet gedaan? Kies dan meteen een nieuw wachtwoord via &quot;Wachtwoord vergeten&quot; en laat het uw organisatie weten.
      </Text>
      <ButtonWithLink href={forgotPasswordUrl}>Wachtwoord vergeten</ButtonWithLink>
    </EmailLayout>
  )
}
