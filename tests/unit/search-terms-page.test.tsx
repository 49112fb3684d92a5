import { renderToStaticMarkup } from 'react-dom/server'
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router-dom/server'
import { describe, expect, it } from 'vitest'
import { ProposeForm } from '#app/features/search-terms/propose-form'
import { ReviewForm } from '#app/features/search-terms/review-form'

/** The forms of /admin/zoektermen as the server renders them (no JavaScript): every field has its label and errors. */
async function render(element: JSX.Element) {
  const routes = [{ path: '/admin/zoektermen', element }]
  const handler = createStaticHandler(routes)
  const context = await handler.query(new Request('http://localhost/admin/zoektermen'))
  if (context instanceof Response) throw new Error('unexpected response')
  return renderToStaticMarkup(<StaticRouterProvider router={createStaticRouter(handler.dataRoutes, context)} context={context} hydrate={false} />)
}

const labelledIds = (html: string) => [...html.matchAll(/<label[^>]*for="([^"]+)"/g)].map((m) => m[1])
const controlIds = (html: string) => [...html.matchAll(/<(?:input|select|textarea)(?![^>]*type="hidden")[^>]*\bid="([^"]+)"/g)].map((m) => m[1])

describe('the proposal form', () => {
  it('ties a label to every visible field and posts with the propose intent', async () => {
    const html = await render(<ProposeForm term="kuisvrouw" occupation={null} hits={null} />)
    expect(controlIds(html).sort()).toEqual(labelledIds(html).sort())
    expect(controlIds(html)).toHaveLength(4)
    expect(html).toContain('value="kuisvrouw"')
    expect(html).toMatch(/<button[^>]*name="intent"[^>]*value="propose"/)
    expect(html).toMatch(/<button[^>]*name="intent"[^>]*value="search-occupation"/)
  })

  it('shows the server’s errors next to their fields', async () => {
    const lastResult = { status: 'error' as const, initialValue: { term: '' }, error: { term: ['Typ het zoekwoord.'], note: ['Zeg waar het woord zo gebruikt wordt.'] } }
    const html = await render(<ProposeForm term="" occupation={null} hits={null} lastResult={lastResult} />)
    expect(html).toContain('Typ het zoekwoord.')
    expect(html).toContain('Zeg waar het woord zo gebruikt wordt.')
    expect(html.match(/aria-invalid="true"/g)).toHaveLength(2)
  })
})

describe('the review form', () => {
  it('labels the reason and offers accept and reject', async () => {
    const html = await render(<ReviewForm mappingId="00000000-0000-4000-8000-000000000001" term="kuisvrouw" />)
    expect(controlIds(html).sort()).toEqual(labelledIds(html).sort())
    expect(html).toMatch(/value="accept"[^>]*>Aanvaarden/)
    expect(html).toMatch(/value="reject"[^>]*>Afwijzen/)
  })
})
