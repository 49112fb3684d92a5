import { Link } from '@remix-run/react'

/** In the trajectory overview: the way to save the phase plan as a function profile other OCMWs can start from. */
export function ProfileLink({ href }: { href: string }) {
  return (
    <p className="mt-6 max-w-3xl">
      <Link to={href}>Faseplan bewaren als functieprofiel</Link> — zonder persoonsgegevens, om te hergebruiken of te delen met andere OCMW’s.
    </p>
  )
}
