import { renderToStaticMarkup } from 'react-dom/server'
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router-dom/server'
import { describe, expect, it } from 'vitest'
import { ClientEditor } from '#app/features/clients/client-editor'
import { clientInstrumentLabels } from '#domain/client-form'
import { instrumentLabels } from '#domain/placement-values'

/** Issue 16: the caseworker's client form explained the instruments to an employer ("stelt hem of haar bij u tewerk"). */
async function renderClientForm() {
  const routes = [{ path: '/begeleider/clienten/nieuw', element: <ClientEditor defaultValue={{ jobTargets: [{ query: '', uri: '' }] }} occupations={{}} homeChoices={[]} submitLabel="Cliënt opslaan" /> }]
  const handler = createStaticHandler(routes)
  const context = await handler.query(new Request('http://localhost/begeleider/clienten/nieuw'))
  if (context instanceof Response) throw new Error('unexpected response')
  return renderToStaticMarkup(<StaticRouterProvider router={createStaticRouter(handler.dataRoutes, context)} context={context} hydrate={false} />)
}

// "u"/"uw" address the reader formally: the employer's pages do; a caseworker's page never does (docs/schrijfwijzer.md).
const ADDRESSES_READER_AS_U = /\b(u|uw)\b/i

describe('the instruments on the client form', () => {
  it('are explained to the caseworker, about the client and the employer', async () => {
    const html = await renderClientForm()
    for (const { label, help } of Object.values(clientInstrumentLabels)) {
      expect(html).toContain(label)
      expect(html).toContain(help!.replace(/'/g, '&#x27;'))
      expect(help, label).not.toMatch(ADDRESSES_READER_AS_U)
    }
    expect(html).toContain('Het OCMW neemt de cliënt in dienst en stelt hem of haar tewerk bij de werkgever.')
    expect(html).not.toContain('bij u tewerk')
    expect(html).not.toContain(instrumentLabels.TWE_ART60.help)
  })

  it('keep the same instruments and names as the placement’s, whose explanations name the employer and the person', () => {
    expect(Object.keys(clientInstrumentLabels)).toEqual(Object.keys(instrumentLabels))
    for (const [instrument, { label }] of Object.entries(instrumentLabels)) expect(clientInstrumentLabels[instrument as keyof typeof instrumentLabels].label).toBe(label)
    expect(instrumentLabels.TWE_ART60.help).toBe('Het OCMW neemt de persoon in dienst en stelt hem of haar tewerk bij de werkgever.')
    // Shown on the public placement page too (placement-details.tsx), where "u" would be the reader, not the employer.
    for (const { help } of Object.values(instrumentLabels)) expect(help ?? '').not.toMatch(ADDRESSES_READER_AS_U)
  })
})
