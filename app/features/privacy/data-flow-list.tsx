import { useTranslation } from 'react-i18next'
import { FactList } from '#app/components/fact-list'

/** What the privacy page shows of one flow of docs/data-flows.yaml: its codes, each read as a translated text. */
export type DataFlowCodes = { id: string; legalBasis: string[]; categories: string[]; recipients: string[]; retention: string }

/**
 * The register of data flows in the reader's language (issue 11, finding 10). `months` fills in the retention
 * periods the portal is configured with, so the page never promises another period than the jobs keep.
 */
export function DataFlowList({ flows, months }: { flows: DataFlowCodes[]; months: Record<string, number> }) {
  const { t } = useTranslation('intake')
  const list = (prefix: string, codes: string[]) => codes.map((code) => t(`dataFlows.${prefix}.${code}`)).join('; ')
  return (
    <section className="mt-8" aria-labelledby="privacy-flows">
      <h2 id="privacy-flows">{t('dataFlows.title')}</h2>
      <p className="mt-2">{t('dataFlows.intro')}</p>
      {flows.map((flow) => (
        <section key={flow.id} className="mt-6" aria-labelledby={`flow-${flow.id}`}>
          <h3 id={`flow-${flow.id}`}>{t(`dataFlows.flows.${flow.id}.title`)}</h3>
          <FactList
            facts={[
              [t('dataFlows.purposeLabel'), t(`dataFlows.flows.${flow.id}.purpose`)],
              [t('dataFlows.legalBasisLabel'), list('legalBases', flow.legalBasis)],
              [t('dataFlows.categoriesLabel'), list('categories', flow.categories)],
              [t('dataFlows.recipientsLabel'), list('recipients', flow.recipients)],
              [t('dataFlows.retentionLabel'), t(`dataFlows.retention.${flow.retention}`, { months: months[flow.retention] })],
            ]}
          />
        </section>
      ))}
    </section>
  )
}
