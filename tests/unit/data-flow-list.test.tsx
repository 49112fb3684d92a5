import fs from 'node:fs'
import i18next from 'i18next'
import { renderToStaticMarkup } from 'react-dom/server'
import { I18nextProvider, initReactI18next } from 'react-i18next'
import { describe, expect, it } from 'vitest'
import { DataFlowList } from '#app/features/privacy/data-flow-list'
import { dataFlows } from '#app/features/privacy/data-flows.server'
import { i18nConfig } from '#app/i18n'

/** The register of data flows on the privacy page, in each language of the intake form (issue 11, finding 10). */
const flows = dataFlows().flows.map(({ id, legalBasis, categories, recipients, retention }) => ({ id, legalBasis, categories, recipients, retention }))
const intake = (language: string) => JSON.parse(fs.readFileSync(`public/locales/${language}/intake.json`, 'utf8'))

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;')

async function render(language: string) {
  const instance = i18next.createInstance()
  await instance.use(initReactI18next).init({ ...i18nConfig, lng: language, ns: ['intake'], resources: { [language]: { intake: intake(language) } } })
  return renderToStaticMarkup(
    <I18nextProvider i18n={instance}>
      <DataFlowList flows={flows} months={{ intake: 9, 'client-records': 31 }} />
    </I18nextProvider>,
  )
}

describe.each(i18nConfig.supportedLngs)('the data flows in %s', (language) => {
  it('show every flow with its own texts, no key left untranslated, and the configured periods', async () => {
    const html = await render(language)
    const texts = intake(language).dataFlows
    for (const flow of flows) expect(html).toContain(escape(texts.flows[flow.id].title))
    expect(html).not.toMatch(/dataFlows\.|\{\{/)
    expect(html).toContain(escape(texts.retention.intake.replace('{{months}}', '9')))
    expect(html).toContain(escape(texts.retention['client-records'].replace('{{months}}', '31')))
    expect(html.match(/<h3/g)).toHaveLength(flows.length)
  })
})
