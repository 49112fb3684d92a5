import { Body, Button, Container, Head, Hr, Html, Link, Preview, Section, Text } from './components'
import type { ReactNode } from 'react'

/**
 * The frame around every Stapsteen mail. Sober on purpose: one column, system fonts, 16px text and
 * high-contrast colours read well in every mail client and with a screen reader.
 */
export function EmailLayout({
  preview,
  children,
  lang = 'nl',
  dir = 'ltr',
  footer = 'Deze e-mail komt van Stapsteen, het portaal voor werkervaring in Vlaanderen.',
}: {
  preview: string
  children: ReactNode
  /** Mails to residents are in their language (the intake form's), right to left for Arabic. */
  lang?: string
  dir?: 'ltr' | 'rtl'
  footer?: string
}) {
  return (
    <Html lang={lang} dir={dir}>
      <Head />
      <Preview>{preview}</Preview>
      <Body style={body}>
        <Container style={container}>
          <Text style={brand}>Stapsteen</Text>
          <Section>{children}</Section>
          <Hr style={rule} />
          <Text style={footerStyle}>{footer}</Text>
        </Container>
      </Body>
    </Html>
  )
}

const body = {
  backgroundColor: '#f3f4f6',
  color: '#1f2937',
  fontFamily: 'Arial, Helvetica, sans-serif',
  margin: 0,
  padding: '24px 0',
}
const container = { backgroundColor: '#ffffff', maxWidth: '560px', padding: '24px 32px' }
const brand = { fontSize: '20px', fontWeight: 700, margin: '0 0 16px' }
const rule = { borderColor: '#d1d5db', margin: '32px 0 16px' }
const footerStyle = { color: '#4b5563', fontSize: '14px', lineHeight: '20px', margin: 0 }

/** Shared styles for template bodies, so every mail reads the same. */
export const emailStyles = {
  heading: { fontSize: '22px', fontWeight: 700, lineHeight: '28px', margin: '0 0 16px' },
  text: { fontSize: '16px', lineHeight: '24px', margin: '0 0 16px' },
  button: {
    backgroundColor: '#1d4ed8',
    borderRadius: '6px',
    color: '#ffffff',
    display: 'inline-block',
    fontSize: '16px',
    fontWeight: 700,
    padding: '12px 20px',
    textDecoration: 'none',
  },
  link: { color: '#1d4ed8', textDecoration: 'underline', wordBreak: 'break-all' as const },
}

/**
 * A button to the portal with the same address under it as a plain link: some mail clients block buttons, the
 * plain link always works. Its words, like the footer's, address nobody: staff read "je", employers "u"
 * (docs/schrijfwijzer.md), and the frame is the same for both.
 */
export function ButtonWithLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <>
      <Section style={{ margin: '0 0 16px' }}>
        <Button href={href} style={emailStyles.button}>
          {children}
        </Button>
      </Section>
      <Text style={emailStyles.text}>
        Werkt de knop niet? Kopieer dan deze link in de adresbalk van de browser:
        <br />
        <Link href={href} style={emailStyles.link}>
          {href}
        </Link>
      </Text>
    </>
  )
}
