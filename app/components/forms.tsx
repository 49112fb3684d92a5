import type { InputHTMLAttributes, ReactNode } from 'react'
import { useId } from 'react'

type FieldProps = {
  label: ReactNode
  help?: ReactNode
  errors?: string[]
  inputProps: InputHTMLAttributes<HTMLInputElement> & { id?: string }
}

/** A labelled input whose help and error texts are tied to it for screen readers (WCAG 1.3.1, 3.3.1). */
export function Field({ label, help, errors, inputProps }: FieldProps) {
  const fallbackId = useId()
  const id = inputProps.id ?? fallbackId
  const helpId = help ? `${id}-help` : undefined
  const errorId = errors?.length ? `${id}-error` : undefined
  const describedBy = [helpId, errorId].filter(Boolean).join(' ') || undefined
  return (
    <div className="mb-5">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {help ? (
        <p id={helpId} className="text-sm text-slate-700">
          {help}
        </p>
      ) : null}
      <input {...inputProps} id={id} aria-describedby={describedBy} aria-invalid={errorId ? true : undefined} className="field-input" />
      {errorId ? (
        <p id={errorId} className="field-error">
          {errors?.join(' ')}
        </p>
      ) : null}
    </div>
  )
}

/** Errors about the whole form (e.g. "wrong email or password"), announced when they appear. */
export function FormErrors({ id, errors }: { id?: string; errors?: string[] }) {
  if (!errors?.length) return null
  return (
    <div id={id} role="alert" className="mb-5 rounded-md border border-red-700 bg-red-50 px-4 py-3 font-medium text-red-800">
      {errors.join(' ')}
    </div>
  )
}
