import { Heading, Text } from '../components'
import { ButtonWithLink, EmailLayout, emailStyles as s } from '#emails/layout'

export type EvaluationReminderProps = { name: string; when: 'two_weeks_ahead' | 'on_the_day'; dueOn: string; trajectoryUrl: string; listUrl: string }

export const subject = ({ when }: EvaluationReminderProps) => (when === 'on_the_day' ? 'Vandaag: een evaluatie van een TWE-traject' : 'Over twee weken: een evaluatie van een TWE-traject')

/** To the trajectbegeleider 14 days before an evaluation is due and on the day. Links only: no name of the client. */
export function EvaluationReminderEmail({ name, when, dueOn, trajectoryUrl, listUrl }: EvaluationReminderProps) {
  return (
    <EmailLayout preview="Een evaluatie van een TWE-traject komt eraan.">
      <Heading as="h1" style={s.heading}>
        {when === 'on_the_day' ? 'Een evaluatie is vandaag gepland' : 'Een evaluatie komt eraan'}
      </Heading>
      <Text style={s.text}>{`Dag ${name},`}</Text>
      <Text style={s.text}>
        {`Een traject dat je begeleidt, moet ten laatste op ${dueOn} geëvalueerd worden: na elke fase en minstens om de zes maanden. Plan het gesprek, en vraag de werkgever tijdig naar de evaluatie op de werkvloer.`}
      </Text>
      <ButtonWithLink href={trajectoryUrl}>Open het traject</ButtonWithLink>
      <Text style={s.text}>{`Al je evaluaties en die van je team: ${listUrl}`}</Text>
      <Text style={s.text}>Om de cliënt te beschermen staan er geen namen in deze e-mail.</Text>
    </EmailLayout>
  )
}
