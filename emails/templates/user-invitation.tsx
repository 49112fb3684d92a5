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

export const subject = ({ organisationName }: UserInvitationProps) => `Uw account op Stapsteen voor ${organisationName}`

/** To a new colleague or, from a regional admin, to an employer's user: both read "u" (docs/schrijfwijzer.md). */
export function UserInvitationEmail({ name, inviterName, organisationName, roleLabel, setPasswordUrl, validDays }: UserInvitationProps) {
  // A short, fixed preview: React 18.3's stream renderer can put NUL bytes into a 52–149 character one.
  return (
    <EmailLayout preview="U bent uitgenodigd voor Stapsteen.">
      <Heading as="h1" style={s.heading}>
        Welkom op Stapsteen
      </Heading>
      <Text style={s.text}>{`Dag ${name},`}</Text>
      <Text style={s.text}>{`${inviterName} heeft een account voor u gemaakt op Stapsteen, voor ${organisationName}. Uw rol: ${roleLabel}.`}</Text>
      <Text style={s.text}>
        Stapsteen is het portaal waar OCMW's, VDAB, werkgevers en partners in Vlaanderen samen mensen naar een werkervaringsplaats helpen.
      </Text>
      <Text style={s.text}>Kies eerst een wachtwoord. Daarna logt u in met uw e-mailadres en dat wachtwoord.</Text>
      <ButtonWithLink href={setPasswordUrl}>Kies uw wachtwoord</ButtonWithLink>
      <Text style={s.text}>{`Deze link werkt ${validDays} dagen en maar één keer. Is hij verlopen? Vraag ${inviterName} dan om u opnieuw uit te nodigen.`}</Text>
      <Text style={s.text}>Verwachtte u deze e-mail niet? Dan hoeft u niets te doen: zonder wachtwoord kan niemand uw account gebruiken.</Text>
    </EmailLayout>
  )
}
