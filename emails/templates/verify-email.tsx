import { Heading, Text } from '../components'
import { ButtonWithLink, EmailLayout, emailStyles as s } from '#emails/layout'

export type VerifyEmailProps = { name: string; organisationName: string; confirmUrl: string; validHours: number }

export const subject = 'Bevestig uw e-mailadres voor Stapsteen'

export function VerifyEmail({ name, organisationName, confirmUrl, validHours }: VerifyEmailProps) {
  // A short, fixed preview: React 18.3's stream renderer can put NUL bytes into a 52–149 character one.
  return (
    <EmailLayout preview="Bevestig uw e-mailadres voor Stapsteen.">
      <Heading as="h1" style={s.heading}>
        Bevestig uw e-mailadres
      </Heading>
      <Text style={s.text}>{`Dag ${name},`}</Text>
      <Text style={s.text}>
        {`U registreerde ${organisationName} als werkgever op Stapsteen. Klik op de knop om te bevestigen dat dit uw e-mailadres is. Daarna kan u inloggen.`}
      </Text>
      <ButtonWithLink href={confirmUrl}>Bevestig mijn e-mailadres</ButtonWithLink>
      <Text style={s.text}>{`Deze link werkt ${validHours} uur en maar één keer.`}</Text>
      <Text style={s.text}>
        Wat gebeurt er daarna? Een regionale beheerder kijkt de gegevens van uw organisatie na. Tot dan zijn uw
        werkervaringsplaatsen nog niet zichtbaar. U krijgt een e-mail zodra dat gebeurd is.
      </Text>
      <Text style={s.text}>Hebt u zich niet geregistreerd? Dan hoeft u niets te doen. Zonder bevestiging kan niemand inloggen.</Text>
    </EmailLayout>
  )
}
