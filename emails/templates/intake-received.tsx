import { Button, Heading, Link, Section, Text } from '../components'
import { EmailLayout, emailStyles as s } from '#emails/layout'

/**
 * To a resident after the intake form, in their language: every text comes translated from the `intake`
 * namespace (app/features/intake/intake-mail.server.ts), so this template only lays them out.
 */
export type IntakeReceivedProps = {
  lang: string
  dir: 'ltr' | 'rtl'
  subject: string
  preview: string
  heading: string
  greeting: string
  /** The reference code line, then what happens next and how they will be reached. */
  paragraphs: string[]
  statusIntro: string
  statusButton: string
  linkFallback: string
  statusUrl: string
  keepSafe: string
  footer: string
}

export const subject = (props: IntakeReceivedProps) => props.subject

export function IntakeReceivedEmail(props: IntakeReceivedProps) {
  return (
    <EmailLayout preview={props.preview} lang={props.lang} dir={props.dir} footer={props.footer}>
      <Heading as="h1" style={s.heading}>
        {props.heading}
      </Heading>
      <Text style={s.text}>{props.greeting}</Text>
      {props.paragraphs.map((paragraph) => (
        <Text key={paragraph} style={s.text}>
          {paragraph}
        </Text>
      ))}
      <Text style={s.text}>{props.statusIntro}</Text>
      <Section style={{ margin: '0 0 16px' }}>
        <Button href={props.statusUrl} style={s.button}>
          {props.statusButton}
        </Button>
      </Section>
      {/* Some mail clients block buttons; the plain link always works. */}
      <Text style={s.text}>
        {props.linkFallback}
        <br />
        <Link href={props.statusUrl} style={s.link}>
          {props.statusUrl}
        </Link>
      </Text>
      <Text style={s.text}>{props.keepSafe}</Text>
    </EmailLayout>
  )
}
