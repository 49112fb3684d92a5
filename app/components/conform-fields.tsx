import { type FieldMetadata, getCollectionProps, getInputProps, getSelectProps, getTextareaProps } from '@conform-to/react'
import type { ReactNode } from 'react'

/**
 * Conform form controls beyond `Field` (forms.tsx), first made for the placement editor: textareas, a select, and groups of
 * checkboxes or radio buttons in a fieldset with a legend. Help and error texts are tied to the controls
 * (aria-describedby), as in `Field`.
 */
type Meta = FieldMetadata<any, any, any>

/** getInputProps for `Field`, without the React key (keys cannot travel in spread props). */
export function inputProps(meta: Meta, options: Parameters<typeof getInputProps>[1]) {
  const { key: _key, ...props } = getInputProps(meta, options)
  return props
}

const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined

function Help({ id, children }: { id: string; children?: ReactNode }) {
  return children ? (
    <p id={id} className="text-sm text-slate-700">
      {children}
    </p>
  ) : null
}

function Errors({ meta }: { meta: Meta }) {
  return meta.errors?.length ? (
    <p id={meta.errorId} className="field-error">
      {meta.errors.join(' ')}
    </p>
  ) : null
}

/** Label, help and errors around one control; `aria` goes onto the control so both stay tied together. */
function LabelledControl({ meta, label, help, children }: { meta: Meta; label: ReactNode; help?: ReactNode; children: (aria: AriaProps) => ReactNode }) {
  const aria: AriaProps = {
    'aria-invalid': meta.errors?.length ? true : undefined,
    'aria-describedby': describedBy(help ? meta.descriptionId : undefined, meta.errors?.length ? meta.errorId : undefined),
  }
  return (
    <div className="mb-5">
      <label htmlFor={meta.id} className="field-label">
        {label}
      </label>
      <Help id={meta.descriptionId}>{help}</Help>
      {children(aria)}
      <Errors meta={meta} />
    </div>
  )
}

type AriaProps = { 'aria-invalid': true | undefined; 'aria-describedby': string | undefined }

export function TextAreaField({ meta, label, help, rows = 4 }: { meta: Meta; label: ReactNode; help?: ReactNode; rows?: number }) {
  const { key: _key, ...props } = getTextareaProps(meta, { ariaAttributes: false })
  return (
    <LabelledControl meta={meta} label={label} help={help}>
      {(aria) => <textarea {...props} {...aria} rows={rows} className="field-input" />}
    </LabelledControl>
  )
}

export function SelectField({ meta, label, help, options }: { meta: Meta; label: ReactNode; help?: ReactNode; options: { value: string; label: string }[] }) {
  const { key: _key, ...props } = getSelectProps(meta, { ariaAttributes: false })
  return (
    <LabelledControl meta={meta} label={label} help={help}>
      {(aria) => (
        <select {...props} {...aria} className="field-input">
          <option value="">– Kies –</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </LabelledControl>
  )
}

/** One checkbox with its label beside it (a yes/no question); help and errors tied to it. */
export function CheckboxField({ meta, label, help }: { meta: Meta; label: ReactNode; help?: ReactNode }) {
  const { key: _key, ...props } = getInputProps(meta, { type: 'checkbox', ariaAttributes: false })
  const invalid = meta.errors?.length ? true : undefined
  return (
    <div className="mb-5">
      <div className="flex items-start gap-2">
        <input
          {...props}
          aria-invalid={invalid}
          aria-describedby={describedBy(help ? meta.descriptionId : undefined, invalid && meta.errorId)}
          className="mt-1 size-5 shrink-0"
        />
        <div>
          <label htmlFor={meta.id} className="font-semibold">
            {label}
          </label>
          <Help id={meta.descriptionId}>{help}</Help>
        </div>
      </div>
      <Errors meta={meta} />
    </div>
  )
}

type Choice = { value: string; label: string; help?: string }

/** Checkboxes (several answers) or radio buttons (one answer) under a legend; each option may explain itself. */
export function ChoiceGroup(props: { meta: Meta; legend: ReactNode; help?: ReactNode; type: 'checkbox' | 'radio'; choices: Choice[] }) {
  const { meta, legend, help, type, choices } = props
  const controls = getCollectionProps(meta, { type, options: choices.map((c) => c.value), ariaAttributes: false })
  const invalid = meta.errors?.length ? true : undefined
  return (
    // The field's id on the fieldset: the error summary's link leads here (its inputs carry their own ids).
    <fieldset id={meta.id} tabIndex={-1} className="mb-6" aria-describedby={describedBy(help ? meta.descriptionId : undefined, invalid && meta.errorId)}>
      <legend className="field-label">{legend}</legend>
      <Help id={meta.descriptionId}>{help}</Help>
      <Errors meta={meta} />
      <div className="mt-2 space-y-2">
        {controls.map(({ key: _key, ...control }, index) => {
          const choice = choices[index]!
          const id = `${meta.id}-${index}`
          return (
            <div key={choice.value} className="flex items-start gap-2">
              <input
                {...control}
                id={id}
                aria-invalid={invalid}
                aria-describedby={describedBy(choice.help && `${id}-help`, invalid && meta.errorId)}
                className="mt-1 size-5 shrink-0"
              />
              <div>
                <label htmlFor={id}>{choice.label}</label>
                {choice.help ? (
                  <p id={`${id}-help`} className="text-sm text-slate-700">
                    {choice.help}
                  </p>
                ) : null}
              </div>
            </div>
          )
        })}
      </div>
    </fieldset>
  )
}
