import type { ReactNode, SelectHTMLAttributes } from 'react'
import { useId } from 'react'

type SelectFieldProps = {
  label: ReactNode
  help?: ReactNode
  errors?: string[]
  options: readonly { value: string; label: string }[]
  selectProps: SelectHTMLAttributes<HTMLSelectElement> & { id?: string }
}

/** A labelled select with its help and error tied to it, like `Field` in ~/components/forms for inputs. */
export function SelectField({ label, help, errors, options, selectProps }: SelectFieldProps) {
  const fallbackId = useId()
  const id = selectProps.id ?? fallbackId
  const helpId = help ? `${id}-help` : undefined
  const errorId = errors?.length ? `${id}-error` : undefined
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
      <select
        {...selectProps}
        id={id}
        aria-describedby={[helpId, errorId].filter(Boolean).join(' ') || undefined}
        aria-invalid={errorId ? true : undefined}
        className="field-input bg-white"
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {errorId ? (
        <p id={errorId} className="field-error">
          {errors?.join(' ')}
        </p>
      ) : null}
    </div>
  )
}
