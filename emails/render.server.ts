import { render } from '@react-email/render'
import { createElement } from 'react'
import { templates, type PropsOf, type TemplateId } from './templates'

// html-to-text shouts headings in capitals by default; capitals are harder to read.
const htmlToTextOptions = { selectors: [{ selector: 'h1', options: { uppercase: false } }] }

export type RenderedEmail = { subject: string; html: string; text: string }

/** Renders a template once as HTML and once as plain text (for clients and readers that skip HTML). */
export async function renderEmail<T extends TemplateId>(template: T, props: PropsOf<T>): Promise<RenderedEmail> {
  const definition = templates[template]
  const element = createElement(definition.component, props)
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true, htmlToTextOptions })])
  return { subject: definition.subject(props), html, text }
}
