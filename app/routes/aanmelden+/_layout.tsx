import type { HeadersFunction } from '@remix-run/node'
import { Outlet } from '@remix-run/react'
import { IntakeErrorPage } from '#app/features/intake/intake-error-page'
import { IntakeLanguageSwitcher } from '#app/features/intake/language-switcher'

/** The public intake form (/aanmelden): every page in the person's language, with the language choice on top. */
export const handle = { i18n: ['common', 'intake'] }

// Answers, confirmations and status links are personal: no browser or proxy keeps a copy (shared computers).
export const headers: HeadersFunction = () => ({ 'Cache-Control': 'no-store' })

export default function IntakeLayout() {
  return (
    <div className="mx-auto max-w-2xl">
      <IntakeLanguageSwitcher />
      <Outlet />
    </div>
  )
}

export function ErrorBoundary() {
  return (
    <div className="mx-auto max-w-2xl">
      <IntakeLanguageSwitcher />
      <IntakeErrorPage />
    </div>
  )
}
