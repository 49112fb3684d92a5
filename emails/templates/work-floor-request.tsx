import { Heading, Text } from '../components'
import { ButtonWithLink, EmailLayout, emailStyles as s } from '#emails/layout'

export type WorkFloorRequestProps = { name: string | null; placementTitle: string; guidedBy: string; dueOn: string; formUrl: string }

export const subject = ({ placementTitle }: WorkFloorRequestProps) => `Evaluatie op de werkvloer gevraagd: "${placementTitle}"`

/**
 * To the employer's contact and users when the begeleider asks for the work-floor evaluation of a phase. No name of
 * the person and no goal: the form is behind the login.
 */
export function WorkFloorRequestEmail({ name, placementTitle, guidedBy, dueOn, formUrl }: WorkFloorRequestProps) {
  return (
    <EmailLayout preview="Een trajectbegeleider vraagt uw evaluatie op de werkvloer.">
      <Heading as="h1" style={s.heading}>
        Hoe gaat het op de werkvloer?
      </Heading>
      <Text style={s.text}>{name ? `Dag ${name},` : 'Goedendag,'}</Text>
      <Text style={s.text}>
        {`De trajectbegeleider van ${guidedBy} vraagt hoe de persoon op uw werkervaringsplaats "${placementTitle}" het doet. Per doel kiest u: nog niet, groeiend of bereikt; een opmerking mag erbij. Dat duurt een paar minuten.`}
      </Text>
      <Text style={s.text}>{`Graag tegen ${dueOn}.`}</Text>
      <ButtonWithLink href={formUrl}>
        Vul de evaluatie in
      </ButtonWithLink>
      <Text style={s.text}>Om de persoon te beschermen staan er geen persoonsgegevens in deze e-mail.</Text>
    </EmailLayout>
  )
}
