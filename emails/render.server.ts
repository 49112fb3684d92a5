import { createElement, type ReactElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { templates, type PropsOf, type TemplateDefinition, type TemplateId } from './templates'

// html-to-text shouts headings in capitals by default; capitals are harder to read.
const htmlToTextOptions = { selectors: [{ selector: 'h1', options: { uppercase: false } }] }

// The doctype React Email's own render() writes; mail clients expect XHTML transitional.
const DOCTYPE =
  '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">'

export type RenderedEmail = { subject: string; html: string; text: string }

/** Renders a template once as HTML and once as plain text (for clients and readers that skip HTML). */
export async function renderEmail<T extends TemplateId>(template: T, props: PropsOf<T>): Promise<RenderedEmail> {
  // TypeScript cannot follow the id → props link through an indexed generic access; the registry's type guarantees it.
  return renderDefinition(templates[template] as TemplateDefinition<PropsOf<T>>, props)
}

/**
 * Synchronous rendering on purpose: React 18.3's streaming renderer (which @react-email/render's render()
 * uses) can write NUL bytes where a multi-byte character meets a 2 KB chunk boundary, and PostgreSQL then
 * refuses the text. Our templates have no Suspense, so nothing is lost by not streaming.
 */
async function renderDefinition<P extends object>(definition: TemplateDefinition<P>, props: P): Promise<RenderedEmail> {
  return { subject: definition.subject(props), ...(await renderMarkup(createElement(definition.component, props))) }
}

export async function renderMarkup(element: ReactElement) {
  // Loaded at the first mail: it brings prettier and html-to-text (~0.15 s of CPU), which a start does not need.
  const { toPlainText } = await import('@react-email/render')
  const markup = renderToStaticMarkup(element)
  return { html: `${DOCTYPE}${markup.replace(/<!DOCTYPE.*?>/, '')}`, text: toPlainText(markup, htmlToTextOptions) }
}
