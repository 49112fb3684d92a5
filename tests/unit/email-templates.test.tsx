import { describe, expect, it } from 'vitest'
import { Body, Html, Preview, Text } from '#emails/components'
import { renderEmail, renderMarkup } from '#emails/render.server'

const resetUrl = 'https://stapsteen.example.be/wachtwoord/nieuw?token=abc123'

describe('password-reset email', () => {
  it('renders Dutch HTML with the name, the button and the plain link', async () => {
    const { subject, html } = await renderEmail('password-reset', { name: 'Amina', resetUrl })
    expect(subject).toBe('Kies een nieuw wachtwoord voor Stapsteen')
    expect(html).toMatch(/<html[^>]*\blang="nl"/)
    expect(html).toContain('Dag Amina,')
    expect(html).toContain('Deze link werkt 1 uur en maar één keer.')
    expect(html).toContain('Hebt u dit niet gevraagd? Dan hoeft u niets te doen.')
    expect(html).toContain('Deze e-mail komt van Stapsteen, het portaal voor werkervaring in Vlaanderen.')
    // Once for the button, once for the visible plain link.
    expect(html.match(/href="https:\/\/stapsteen\.example\.be\/wachtwoord\/nieuw\?token=abc123"/g)).toHaveLength(2)
    expect(html).toContain(`>${resetUrl}</a>`)
  })

  it('renders a plain-text version with the same message and the link', async () => {
    const { text } = await renderEmail('password-reset', { name: 'Amina', resetUrl })
    expect(text).toContain('Nieuw wachtwoord kiezen')
    expect(text).toContain('Dag Amina,')
    expect(text).toContain(resetUrl)
    expect(text).toContain('Deze link werkt 1 uur en maar één keer.')
    expect(text).toContain('Hebt u dit niet gevraagd? Dan hoeft u niets te doen.')
    expect(text).not.toMatch(/<[a-z]/i)
  })

  it('escapes the name instead of injecting HTML', async () => {
    const { html } = await renderEmail('password-reset', { name: '<b>Amina</b>', resetUrl })
    expect(html).not.toContain('<b>Amina</b>')
    expect(html).toContain('&lt;b&gt;Amina&lt;/b&gt;')
  })
})

describe('rendering non-ASCII text', () => {
  // React 18.3's streaming renderer wrote NUL bytes for exactly this mail (a preview and body of accented
  // text whose bytes straddle a 2 KB chunk); PostgreSQL then refused to store it.
  it('keeps every character intact and writes no NUL bytes', async () => {
    const body = 'Dag Éléonore '.repeat(50)
    const element = (
      <Html lang="nl">
        <Preview>{`Bevestig uw e-mailadres ${'é'.repeat(50)}`}</Preview>
        <Body>
          <Text>{body}</Text>
        </Body>
      </Html>
    )
    const { html, text } = await renderMarkup(element)
    expect(html).not.toContain('\u0000')
    expect(text).not.toContain('\u0000')
    expect(html).toContain(body.trim())
  })
})

describe('user-invitation email', () => {
  const props = {
    name: 'Amina',
    inviterName: 'Bart Jacobs',
    organisationName: 'OCMW Gent',
    roleLabel: 'Triagemedewerker, coördinator',
    setPasswordUrl: 'https://stapsteen.example.be/wachtwoord-nieuw?token=abc123',
    validDays: 7,
  }

  it('says who invited whom, for which organisation and role, what Stapsteen is, and how long the link works', async () => {
    const { subject, html, text } = await renderEmail('user-invitation', props)
    expect(subject).toBe('Uw account op Stapsteen voor OCMW Gent')
    expect(html).toMatch(/<html[^>]*\blang="nl"/)
    expect(text).toContain('Dag Amina,')
    expect(text).toContain('Bart Jacobs heeft een account voor u gemaakt op Stapsteen, voor OCMW Gent. Uw rol: Triagemedewerker, coördinator.')
    expect(text).toContain('Stapsteen is het portaal waar')
    expect(text).toContain('Deze link werkt 7 dagen en maar één keer.')
    expect(html.match(/href="https:\/\/stapsteen\.example\.be\/wachtwoord-nieuw\?token=abc123"/g)).toHaveLength(2)
    expect(text).toContain(props.setPasswordUrl)
    expect(text).not.toMatch(/<[a-z]/i)
  })

  it('escapes the names instead of injecting HTML', async () => {
    const { html } = await renderEmail('user-invitation', { ...props, inviterName: '<i>Bart</i>' })
    expect(html).not.toContain('<i>Bart</i>')
    expect(html).toContain('&lt;i&gt;Bart&lt;/i&gt;')
  })
})
