import type { Toast } from '#app/utils/toast.server'

/** The confirmation after a redirect, announced to screen readers without moving focus. */
export function ToastMessage({ toast }: { toast: Toast | null }) {
  if (!toast) return null
  return (
    <div role="status" className="mx-auto mt-4 max-w-6xl px-4">
      <p className="rounded-md border border-brand-700 bg-brand-50 px-4 py-3 font-medium">{toast.message}</p>
    </div>
  )
}
