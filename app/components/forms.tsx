import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from 'react'
import { useId } from 'react'

type FrameProps = {
  label: ReactNode
  help?: ReactNode
  errors?: string[]
}

// Keys always present, so spreading the wiring after the caller's props overrides theirs.
type ControlWiring = { id: string; 'aria-describedby': string | undefined; 'aria-invalid': true | undefined }

/** Label, help and error around one control, tied to it for screen readers (WCAG 1.3.1, 3.3.1). */
function FieldFrame({ id: givenId, label, help, errors, control }: FrameProps & { id?: string; control: (wiring: ControlWiring) => ReactNode }) {
  const fallbackId = useId()
  const id = givenId ?? fallbackId
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
      {control({ id, 'aria-describedby': describedBy, 'aria-invalid': errorId ? true : undefined })}
      {errorId ? (
        <p id={errorId} className="field-error">
          {errors?.join(' ')}
        </p>
      ) : null}
    </div>
  )
}

type FieldProps = FrameProps & { inputProps: InputHTMLAttributes<HTMLInputElement> & { id?: string } }

/** A labelled input whose help and error texts are tied to it. */
export function Field({ inputProps, ...frame }: FieldProps) {
  return <FieldFrame {...frame} id={inputProps.id} control={(wiring) => <input {...inputProps} {...wiring} className="field-input" />} />
}

type SelectFieldProps = FrameProps & {
  options: readonly { value: string; label: string }[]
  selectProps: SelectHTMLAttributes<HTMLSelectElement> & { id?: string }
}

/** A labelled select, wired like `Field`. */
export function SelectField({ options, selectProps, ...frame }: SelectFieldProps) {
  return (
    <FieldFrame
      {...frame}
      id={selectProps.id}
      control={(wiring) => (
        <select {...selectProps} {...wiring} className="field-input bg-white">
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    />
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
