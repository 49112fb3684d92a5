import { Heading, Text } from '../components'
import { EmailLayout, emailStyles as s } from '#emails/layout'

/**
 * To a resident when another organisation takes over their file (the warm hand-over), in their language: the
 * texts come translated from the `handover` keys of the `intake` namespace (app/features/triage/hand-over/handover-mail.server.ts).
 * Only who handles the file now: never a note, never anything the organisations wrote.
 */
export type TriageHandoverProps = {
  lang: string
  dir: 'ltr' | 'rtl'
  subject: string
  preview: string
  heading: string
  paragraphs: string[]
  footer: string
}

export const subject = (props: TriageHandoverProps) => props.subject

export function TriageHandoverEmail(props: TriageHandoverProps) {
  return (
    <EmailLayout preview={props.preview} lang={props.lang} dir={props.dir} footer={props.footer}>
      <Heading as="h1" style={s.heading}>
        {props.heading}
      </Heading>
      {props.paragraphs.map((paragraph) => (
        <Text key={paragraph} style={s.text}>
          {paragraph}
        </Text>
      ))}
    </EmailLayout>
  )
}
