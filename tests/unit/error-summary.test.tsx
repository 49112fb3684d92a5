import { type SubmissionResult, useForm } from '@conform-to/react'
import { renderToStaticMarkup } from 'react-dom/server'
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router-dom/server'
import { describe, expect, it } from 'vitest'
import { ErrorSummary } from '#app/components/error-summary'
import { ProposeForm } from '#app/features/search-terms/propose-form'
import { TriageSettingsForm } from '#app/features/triage/settings-form'
import { defaultTriageSettings } from '#domain/triage-rules'

/** The error summary as the server renders it, which is what a browser without JavaScript gets (issue 16, point 7). */
async function render(element: JSX.Element) {
  const handler = createStaticHandler([{ path: '/', element }])
  const context = await handler.query(new Request('http://localhost/'))
  if (context instanceof Response) throw new Error('unexpected response')
  return renderToStaticMarkup(<StaticRouterProvider router={createStaticRouter(handler.dataRoutes, context)} context={context} hydrate={false} />)
}

const summaryOf = (html: string) => html.match(/<section[^>]*aria-labelledby="[^"]*"[^>]*>.*?<\/section>/s)?.[0]
const links = (html: string) => [...html.matchAll(/<a href="#([^"]+)"[^>]*>([^<]*)<\/a>/g)].map((m) => ({ target: m[1]!, text: m[2]! }))
const idsIn = (html: string) => new Set([...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]))

function Harness({ lastResult }: { lastResult?: SubmissionResult<string[]> }) {
  const [form] = useForm({ id: 'f', lastResult })
  return <ErrorSummary form={form} />
}

describe('ErrorSummary', () => {
  it('after a failed submit: a focused summary with the heading, the form’s error and a link to each field', async () => {
    const html = await render(
      <Harness lastResult={{ status: 'error', initialValue: {}, error: { '': ['Er ging iets mis.'], hours: ['Hoogstens 60 uur per week.'], 'goals[1].code': ['Kies een beroep.'] } }} />,
    )
    const summary = summaryOf(html)!
    expect(summary).toMatch(/^<section tabindex="-1" autofocus="" aria-labelledby="([^"]+)"[^>]*><h2 id="\1"[^>]*>Er is een probleem<\/h2>/)
    expect(summary).toContain('<p id="f-error" role="alert" class="mt-2 font-medium text-red-800">Er ging iets mis.</p>')
    expect(links(summary)).toEqual([
      { target: 'f-hours', text: 'Hoogstens 60 uur per week.' },
      { target: 'f-goals[1].code', text: 'Kies een beroep.' },
    ])
  })

  it('before any submit (errors from an intent or from leaving a field): only the form’s own errors, no summary, no focus', async () => {
    const html = await render(<Harness lastResult={{ initialValue: {}, error: { '': ['Er ging iets mis.'], hours: ['Hoogstens 60 uur per week.'] } }} />)
    expect(summaryOf(html)).toBeUndefined()
    expect(html).not.toContain('autofocus')
    expect(html).not.toContain('Er is een probleem')
    expect(html).toBe('<div id="f-error" role="alert" class="mb-5 rounded-md border border-red-700 bg-red-50 px-4 py-3 font-medium text-red-800">Er ging iets mis.</div>')
    expect(await render(<Harness />)).toBe('')
  })

  it('translates heading and messages for the resident’s pages', async () => {
    function Translated() {
      const [form] = useForm({ id: 't', lastResult: { status: 'error', initialValue: {}, error: { name: ['errors.required'] } } })
      return <ErrorSummary form={form} title="There is a problem" translate={(key, field) => `${key} (${field})`} />
    }
    const summary = summaryOf(await render(<Translated />))!
    expect(summary).toContain('>There is a problem</h2>')
    expect(links(summary)).toEqual([{ target: 't-name', text: 'errors.required (name)' }])
  })
})

describe('the summary in real forms: every link leads to an element of the page', () => {
  it('text fields (the search-term proposal)', async () => {
    const lastResult = { status: 'error' as const, initialValue: { term: '' }, error: { term: ['Typ het zoekwoord.'], note: ['Zeg waar het woord zo gebruikt wordt.'] } }
    const html = await render(<ProposeForm term="" occupation={null} hits={null} lastResult={lastResult} />)
    const found = links(summaryOf(html)!)
    expect(found.map((link) => link.text)).toEqual(['Typ het zoekwoord.', 'Zeg waar het woord zo gebruikt wordt.'])
    for (const { target } of found) expect(html).toMatch(new RegExp(`<(input|textarea)[^>]*id="${target}"`))
  })

  it('a group of checkboxes (the triage settings): the link leads to its fieldset', async () => {
    const lastResult = { status: 'error' as const, initialValue: {}, error: { welfareBarriers: ['Kies drempels uit de lijst.'], youthAgeLimit: ['Van 16 tot 30.'] } }
    const html = await render(<TriageSettingsForm defaultValue={{ ...defaultTriageSettings, regionCode: 'REFREG01' }} lastResult={lastResult} regionName="Gent" />)
    const found = links(summaryOf(html)!)
    expect(found.map((link) => link.target).sort()).toEqual(['triage-settings-REFREG01-welfareBarriers', 'triage-settings-REFREG01-youthAgeLimit'])
    const ids = idsIn(html)
    for (const { target } of found) expect(ids.has(target), target).toBe(true)
    expect(html).toMatch(/<fieldset id="triage-settings-REFREG01-welfareBarriers" tabindex="-1"/)
  })
})
