import { DEMO_PASSWORD, type DemoLogin } from './demo'

/** The demo logins, printed once: on the start that created them. */
export function formatDemoLogins(logins: DemoLogin[], address: string) {
  const width = Math.max(...logins.map((l) => l.email.length))
  const rows = logins.map((l) => `  ${l.email.padEnd(width)}  ${l.role.padEnd(16)} ${l.organisation}`)
  return [
    '',
    'Demo-gegevens aangemaakt (alleen bij de eerste start). Log in op',
    `${address}/inloggen met een van deze adressen en wachtwoord "${DEMO_PASSWORD}":`,
    ...rows,
    '',
    'Zet SEED_DEMO=false om zonder demo-gegevens te starten.',
    '',
  ].join('\n')
}
