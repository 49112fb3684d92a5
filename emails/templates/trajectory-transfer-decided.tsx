import { Heading, Text } from '../components'
import { ButtonWithLink, EmailLayout, emailStyles as s } from '#emails/layout'

export type TrajectoryTransferDecidedProps = { name: string; toOrganisation: string; accepted: boolean; trajectoryUrl: string }

export const subject = ({ accepted }: TrajectoryTransferDecidedProps) => (accepted ? 'Een TWE-traject is overgenomen na een verhuis' : 'Een TWE-traject is niet overgenomen')

/**
 * To the sender's begeleider when the receiving organisation decided on a moving-house transfer. No client name and
 * not the decline reason: both wait behind the login.
 */
export function TrajectoryTransferDecidedEmail({ name, toOrganisation, accepted, trajectoryUrl }: TrajectoryTransferDecidedProps) {
  const what = accepted
    ? `${toOrganisation} nam het TWE-traject over dat je voorstelde na een verhuis. Het traject bij jullie is stopgezet met de reden "verhuis".`
    : `${toOrganisation} neemt het TWE-traject dat je voorstelde na een verhuis niet over. In Stapsteen lees je waarom; het traject loopt bij jullie verder.`
  return (
    <EmailLayout preview={accepted ? 'Het traject is overgenomen.' : 'Het traject is niet overgenomen.'}>
      <Heading as="h1" style={s.heading}>
        {accepted ? 'Traject overgenomen' : 'Traject niet overgenomen'}
      </Heading>
      <Text style={s.text}>{`Dag ${name},`}</Text>
      <Text style={s.text}>{what}</Text>
      <ButtonWithLink href={trajectoryUrl}>Bekijk het traject</ButtonWithLink>
      <Text style={s.text}>Om de cliënt te beschermen staan er geen persoonsgegevens in deze e-mail.</Text>
    </EmailLayout>
  )
}
