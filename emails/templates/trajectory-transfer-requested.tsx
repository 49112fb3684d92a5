import { Heading, Text } from '../components'
import { ButtonWithLink, EmailLayout, emailStyles as s } from '#emails/layout'

export type TrajectoryTransferRequestedProps = { name: string; fromOrganisation: string; transferUrl: string }

export const subject = () => 'Een TWE-traject wacht op je team na een verhuis'

/**
 * To the begeleiders of the organisation a trajectory is proposed to after the client moved (addressed with "je").
 * No client name and not the hand-over note: mail travels further than the portal; both wait behind the login.
 */
export function TrajectoryTransferRequestedEmail({ name, fromOrganisation, transferUrl }: TrajectoryTransferRequestedProps) {
  return (
    <EmailLayout preview="Een cliënt verhuisde naar jullie gemeente: neem je het traject over?">
      <Heading as="h1" style={s.heading}>
        Een traject om over te nemen
      </Heading>
      <Text style={s.text}>{`Dag ${name},`}</Text>
      <Text style={s.text}>{`${fromOrganisation} vraagt je team een TWE-traject over te nemen: de cliënt verhuisde naar een gemeente die jullie bedienen. In Stapsteen lees je de overdrachtsnota en het traject, en aanvaard of weiger je.`}</Text>
      <ButtonWithLink href={transferUrl}>Bekijk de overdracht</ButtonWithLink>
      <Text style={s.text}>Om de cliënt te beschermen staan er geen persoonsgegevens in deze e-mail.</Text>
    </EmailLayout>
  )
}
