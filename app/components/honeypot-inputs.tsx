import { useRouteLoaderData } from '@remix-run/react'
import type { loader as rootLoader } from '~/root'

/**
 * The honeypot's fields (app/utils/honeypot.server.ts checks them), as remix-utils' HoneypotInputs renders them,
 * but hidden with the `hidden` attribute instead of `style="display: none"`: the Content-Security-Policy refuses
 * style attributes, and a refused one would show the trap to people. The field names and the signed timestamp
 * come from the root loader.
 */
export function HoneypotInputs({ label }: { label: string }) {
  const { nameFieldName = 'name__confirm', validFromFieldName = 'from__confirm', encryptedValidFrom } =
    useRouteLoaderData<typeof rootLoader>('root')?.honeypot ?? {}
  return (
    <div id={`${nameFieldName}_wrap`} hidden aria-hidden="true">
      <label htmlFor={nameFieldName}>{label}</label>
      <input id={nameFieldName} name={nameFieldName} type="text" defaultValue="" autoComplete="nope" tabIndex={-1} />
      {validFromFieldName && encryptedValidFrom ? (
        <>
          <label htmlFor={validFromFieldName}>{label}</label>
          <input id={validFromFieldName} name={validFromFieldName} type="text" value={encryptedValidFrom} readOnly autoComplete="off" tabIndex={-1} />
        </>
      ) : null}
    </div>
  )
}
