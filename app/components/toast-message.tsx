import { useLocation } from '@remix-run/react'
import { useState } from 'react'
import type { Toast } from '#app/utils/toast.server'

/** The confirmation after a redirect, announced to screen readers without moving focus. */
export function ToastMessage({ toast }: { toast: Toast | null }) {
  const shown = useToastOnce(toast)
  if (!shown) return null
  return (
    <div role="status" className="mx-auto mt-4 max-w-6xl px-4">
      <p className="rounded-md border border-brand-700 bg-brand-50 px-4 py-3 font-medium">{shown.message}</p>
    </div>
  )
}

/**
 * The toast only on the page it came with (issue 16, point 3). With JavaScript a link click does not run the root
 * loader again, so the root's data still holds the toast the cookie carried a page earlier. A fresh load of that
 * data brings a new object; the location at which it arrived is remembered, and any later location hides it
 * (going back to that page too: it was said once).
 */
function useToastOnce(toast: Toast | null) {
  const { key } = useLocation()
  const [seen, setSeen] = useState({ toast, key, gone: false })
  // Adjusting state while rendering (React's pattern for "reset when a prop changes"): no flash of the stale toast.
  if (seen.toast !== toast) setSeen({ toast, key, gone: false })
  else if (seen.key !== key && !seen.gone) setSeen({ toast, key, gone: true })
  return seen.toast === toast && seen.key === key && !seen.gone ? toast : null
}
