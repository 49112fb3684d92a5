import { Link, useLoaderData } from '@remix-run/react'
import { verificationStatusTexts } from '#domain/employer-registration'
import type { employerHomeLoader } from './employer-home.server'

// Employers are addressed with "u" (docs/schrijfwijzer.md).
const verificationTitles = {
  pending: 'wacht op goedkeuring door de regio',
  verified: 'goedgekeurd door de regio',
  rejected: 'niet goedgekeurd door de regio',
} as const

const nextSteps = {
  'first-placement': { to: '/werkgever/plaatsen/nieuw', label: 'Maak uw eerste werkervaringsplaats' },
  'fix-details': { to: '/werkgever/organisatie', label: 'Pas uw gegevens aan' },
} as const

/** A new employer's first questions: has the region approved us yet, and what do we do now? */
export function EmployerStanding() {
  const { verification, reason, nextStep } = useLoaderData<typeof employerHomeLoader>()
  return (
    <section className="card mt-6 max-w-3xl" aria-labelledby="verification-title">
      <h2 id="verification-title">Verificatie: {verificationTitles[verification]}</h2>
      <p className="mt-2">{verificationStatusTexts[verification]}</p>
      {reason ? <p className="mt-2">Reden: {reason}</p> : null}
      {nextStep === 'first-placement' && verification === 'pending' ? (
        <p className="mt-2">U kunt al plaatsen maken: ze worden zichtbaar zodra de regio uw organisatie goedkeurt.</p>
      ) : null}
      {nextStep ? (
        <p className="mt-4">
          <Link to={nextSteps[nextStep].to} className="btn-primary">
            {nextSteps[nextStep].label}
          </Link>
        </p>
      ) : null}
    </section>
  )
}
