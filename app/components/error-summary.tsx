import type { FormMetadata } from '@conform-to/react'
import { type MouseEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react'
import { FormErrors } from './forms'

type Props = {
  // Any form's metadata: the summary reads only its id, status and errors.
  form: FormMetadata<any, string[]>
  /** The heading; resident pages pass it in their language. */
  title?: string
  /** Turns a message into the text shown (resident pages: their messages are translation keys). */
  translate?: (message: string, field: string) => string
}

const TITLE = 'Er is een probleem'

/**
 * The GOV.UK error summary (issue 16, point 7): after a failed submit, "Er is een probleem" at the top of the form
 * with every message as a link to its field, and focus on it, so a screen-reader user hears what went wrong and
 * can jump to each field. Without JavaScript the server-rendered page focuses it (`autoFocus`); with JavaScript
 * an effect does, after each failed submission. Before any submit (errors shown on blur) only the form's own
 * errors show, as `FormErrors` always did.
 */
export function ErrorSummary({ form, title = TITLE, translate = (message) => message }: Props) {
  const submitted = useAfterFailedSubmit(form.status)
  const errors = form.allErrors
  const formErrors = form.errors?.map((message) => translate(message, ''))
  const fields = Object.entries(errors).filter(([name, messages]) => name !== '' && messages.length > 0)
  if (!submitted || (!formErrors?.length && fields.length === 0)) return <FormErrors id={form.errorId} errors={formErrors} />
  return (
    // A new error object comes with every validation; focus follows a failed submission only, not typing.
    <SummaryBox title={title} messages={formErrors} messagesId={form.errorId} focus={form.status === 'error'} focusKey={errors}>
      {fields.length ? (
        <ul className="mt-2 list-disc space-y-1 ps-5">
          {fields.map(([name, messages]) => (
            <li key={name}>
              <a href={`#${fieldId(form.id, name)}`} onClick={(event) => focusField(event, form.id, name)} className="font-semibold text-red-800 underline">
                {messages.map((message) => translate(message, name)).join(' ')}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </SummaryBox>
  )
}

/**
 * The same summary for errors that belong to the page rather than to a field or to a form still on it: a stale
 * page ("the employer decided meanwhile"), where the button that was pressed is gone once the page shows the new
 * state, or a button-only form. `answer` is the action's data (`useActionData()`): every new answer with errors
 * takes the focus, also one with the same message as the last, while re-renders of the same answer do not.
 */
export function PageErrorSummary({ errors, answer, title = TITLE }: { errors: string[] | undefined; answer: unknown; title?: string }) {
  if (!errors?.length) return null
  // Pages put it between their back link and their h1 (GOV.UK: at the top of the main content).
  return <SummaryBox title={title} messages={errors} focus focusKey={answer} className="mt-4 max-w-3xl" />
}

type BoxProps = {
  title: string
  messages: string[] | undefined
  messagesId?: string
  focus: boolean
  focusKey: unknown
  className?: string
  children?: ReactNode
}

const boxClass = 'mb-6 rounded-md border-2 border-red-700 bg-white px-4 py-3 focus:outline-4 focus:outline-offset-2 focus:outline-red-700'

/** The focusable box both summaries show: heading, the messages about the whole form or page, then any links. */
function SummaryBox({ title, messages, messagesId, focus, focusKey, className, children }: BoxProps) {
  const headingId = useId()
  const ref = useRef<HTMLElement>(null)
  useEffect(() => {
    if (focus) ref.current?.focus()
  }, [focus, focusKey])
  return (
    <section ref={ref} tabIndex={-1} autoFocus aria-labelledby={headingId} className={className ? `${className} ${boxClass}` : boxClass}>
      <h2 id={headingId} className="text-xl text-red-800">
        {title}
      </h2>
      {messages?.length ? (
        <p id={messagesId} role="alert" className="mt-2 font-medium text-red-800">
          {messages.join(' ')}
        </p>
      ) : null}
      {children}
    </section>
  )
}

/** Conform's id for a field (`getInputProps` puts it on the control): what the summary's links point at. */
export const fieldId = (formId: string, name: string) => `${formId}-${name}`

/**
 * Shown from a failed submission until a successful one. Conform clears the status when a field is validated
 * again while the person types; the summary stays (listing what is still wrong), so the page does not jump.
 */
function useAfterFailedSubmit(status: 'success' | 'error' | undefined) {
  const [failed, setFailed] = useState(status === 'error')
  if (status === 'error' && !failed) setFailed(true)
  if (status === 'success' && failed) setFailed(false)
  return failed
}

/**
 * With JavaScript: a field whose control does not carry Conform's id (a group of radio buttons, the occupation
 * picker) is found through its error message, which every field ties to its control with aria-describedby.
 */
function focusField(event: MouseEvent, formId: string, name: string) {
  const id = fieldId(formId, name)
  if (document.getElementById(id)) return
  const described = document.querySelector<HTMLElement>(`[aria-describedby~="${CSS.escape(`${id}-error`)}"]`)
  // A fieldset is described as a whole: its first control takes the focus.
  const control = described?.matches('fieldset') ? described.querySelector<HTMLElement>('input, select, textarea') : described
  if (!control) return
  event.preventDefault()
  control.focus()
  control.scrollIntoView({ block: 'center' })
}
