import type { MetaFunction } from '@remix-run/node'
import { Link } from '@remix-run/react'
import { ErrorPage } from '#app/components/error-page'
import { CONFIRM_LINK_HOURS } from '#domain/employer-registration'

// Public: where a registration lands. It names no address, so the page reveals nothing when shared or reloaded.
// A registration with an address that already has an account lands here too (its owner gets a mail that says
// so): the page is true for both and tells nobody which addresses have an account.
export default function RegistrationSentPage() {
  return (
    <div className="mx-auto max-w-2xl">
      <h1>Bevestig uw e-mailadres</h1>
      <p className="mt-4 text-lg">Bedankt voor uw registratie. We stuurden een e-mail naar het adres van de contactpersoon.</p>
      <h2 className="mt-8">Wat moet u nu doen?</h2>
      <ol className="mt-2 list-decimal space-y-2 pl-6">
        <li>Open de e-mail van Stapsteen en klik op de knop "Bevestig mijn e-mailadres". De link werkt {CONFIRM_LINK_HOURS} uur.</li>
        <li>Daarna kan u inloggen met uw e-mailadres en wachtwoord.</li>
        <li>
          Een regionale beheerder kijkt de gegevens van uw organisatie na. Tot dan zijn uw werkervaringsplaatsen niet zichtbaar.
          U krijgt een e-mail zodra dat gebeurd is.
        </li>
      </ol>
      <p className="mt-6">
        Geen e-mail gekregen? Kijk ook bij uw ongewenste e-mail, of <Link to="/e-mail-bevestigen">vraag een nieuwe link</Link>.
      </p>
    </div>
  )
}

export const meta: MetaFunction = () => [{ title: 'Bevestig uw e-mailadres – Stapsteen' }]

export function ErrorBoundary() {
  return <ErrorPage />
}
