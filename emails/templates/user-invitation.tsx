import { Heading, Text } from '../components'
import { ButtonWithLink, EmailLayout, emailStyles as s } from '#emails/layout'

export type UserInvitationProps = {
  name: string
  inviterName: string
  organisationName: string
  /** The role in words, e.g. "Triagemedewerker, coördinator". */
  roleLabel: string
  setPasswordUrl: string
  validDays: number
}

export const subject = ({ organisationName }: UserInvitationProps) => `Je account op Stapsteen voor ${organisationName}`

export function UserInvitationEmail({ name, inviterName, organisationName, roleLabel, setPasswordUrl, validDays }: UserInvitationProps) {
  // A short, fixed preview: React 18.3's stream renderer can put NUL bytes into a 52–149 character one.
  return (
    <EmailLayout preview="Je bent uitgenodigd voor Stapsteen.">
      <Heading as="h1" style={s.heading}>
        Welkom op Stapsteen
      </Heading>
      <Text style={s.text}>{`Dag ${name},`}</Text>
      <Text style={s.text}>{`${inviterName} heeft een account voor je gemaakt op Stapsteen, voor ${organisationName}. Je rol: ${roleLabel}.`}</Text>
      <Text style={s.text}>
        Stapsteen is het portaal waar OCMW's, VDAB, werkgevers en partners in Vlaanderen samen mensen naar een werkervaringsplaats helpen.
      </Text>
      <Text style={s.text}>Kies eerst een wachtwoord. Daarna log je in met je e-mailadres en dat wachtwoord.</Text>
      <ButtonWithLink href={setPasswordUrl}>Kies je wachtwoord</ButtonWithLink>
      <Text style={s.text}>{`Deze link werkt ${validDays} dagen en maar één keer. Is hij verlopen? Vraag ${inviterName} dan om je opnieuw uit te nodigen.`}</Text>
      <Text style={s.text}>Verwachtte je deze e-mail niet? Dan hoef je niets te doen: zonder wachtwoord kan niemand je account gebruiken.</Text>
    </EmailLayout>
  )
}
