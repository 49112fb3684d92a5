import { useRouteLoaderData } from '@remix-run/react'

/** The names app/utils/honeypot.server.ts checks: a field that must stay empty, and the signed time of the page. */
export const HONEYPOT_TRAP = 'name__confirm'
export const HONEYPOT_STAMP = 'from__confirm'

/**
 * In every public form. People never see the trap (the `hidden` attribute, so no inline style a strict CSP would
 * block, and nothing a screen reader announces); bots that fill every field fill it. The stamp is issued by the
 * root loader, the moment the page was made.
 */
export function HoneypotFields({ label }: { label: string }) {
  // The root loader's field, named here rather than typed from app/root.tsx: a component never imports a route.
  const stamp = useRouteLoaderData<{ honeypotStamp?: string }>('root')?.honeypotStamp
  return (
    <div hidden>
      <label htmlFor={HONEYPOT_TRAP}>{label}</label>
      <input id={HONEYPOT_TRAP} name={HONEYPOT_TRAP} type="text" defaultValue="" autoComplete="off" tabIndex={-1} />
      {stamp ? <input type="hidden" name={HONEYPOT_STAMP} value={stamp} /> : null}
    </div>
  )
}
