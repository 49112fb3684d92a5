import { Heading, Text } from '../components'
import { ButtonWithLink, EmailLayout, emailStyles as s } from '#emails/layout'

export type TrajectoryHandedOverProps = { name: string; fromName: string; trajectoryUrl: string }

export const subject = () => 'Een collega draagt een TWE-traject aan je over'

/**
 * To the new trajectbegeleider when a colleague hands a trajectory over (addressed with "je"). No client name and
 * not the hand-over note: mail travels further than the portal; both wait behind the login.
 */
export function TrajectoryHandedOverEmail({ name, fromName, trajectoryUrl }: TrajectoryHandedOverProps) {
  return (
    <EmailLayout preview="Je bent de nieuwe trajectbegeleider van een TWE-traject.">
      <Heading as="h1" style={s.heading}>
        Een traject voor jou
      </Heading>
      <Text style={s.text}>{`Dag ${name},`}</Text>
      <Text style={s.text}>{`${fromName} draagt een TWE-traject aan je over: vanaf nu ben jij de trajectbegeleider. In Stapsteen lees je de overdrachtsnota en het hele traject.`}</Text>
      <ButtonWithLink href={trajectoryUrl}>Bekijk het traject</ButtonWithLink>
      <Text style={s.text}>Om de cliënt te beschermen staan er geen persoonsgegevens in deze e-mail.</Text>
    </EmailLayout>
  )
}
