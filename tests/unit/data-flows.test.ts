import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { type DataFlowRegister, dataFlows, parseDataFlows } from '#app/features/privacy/data-flows.server'
import { templates } from '#emails/templates'

/**
 * docs/data-flows.yaml against the code (issue 11, finding 10): every mail template, every CSV/PDF export and
 * every /api route is classified — in a flow's `carriedBy`, or in `notPersonal` — and nothing listed is stale.
 */
const routesDir = path.resolve('app/routes')
const routeFiles = (fs.readdirSync(routesDir, { recursive: true }) as string[]).filter((file) => /\.tsx?$/.test(file)).map((file) => file.split(path.sep).join('/'))

/** The URL of a remix-flat-routes file: `admin+/audit[.csv].tsx` → /admin/audit.csv, `api+/v1.match.ts` → /api/v1/match. */
function routePath(file: string) {
  const name = file.replace(/\.tsx?$/, '').replace(/\+\//g, '.')
  const segments = name.match(/(?:\[[^\]]*\]|[^.])+/g) ?? []
  const url = segments
    .filter((segment) => segment !== '_index' && !segment.startsWith('_'))
    .map((segment) => segment.replace(/\[([^\]]*)\]/g, '$1').replace(/_$/, '').replace(/^\$/, ':'))
    .join('/')
  return `/${url}`.replace(/\/\./g, '.')
}

const isExport = (file: string) =>
  /\[\.(csv|pdf|json)\]/.test(file) || /text\/csv|application\/pdf|csvResponse\(/.test(fs.readFileSync(path.join(routesDir, file), 'utf8'))

/** What the code has: template ids, export paths, API paths. */
const inCode = {
  mailTemplates: Object.keys(templates).sort(),
  exports: routeFiles.filter(isExport).map(routePath).sort(),
  apiRoutes: routeFiles.filter((file) => file.startsWith('api+/')).map(routePath).sort(),
}
type Kind = keyof typeof inCode

/** What the register classifies, per kind: the flows' carriers and the explicit exemptions. */
function classified(register: DataFlowRegister, kind: Kind) {
  const carried = register.flows.flatMap((flow) => flow.carriedBy[kind])
  const exempt = kind === 'mailTemplates' ? register.notPersonal.mailTemplates.map((t) => t.id) : register.notPersonal[kind].map((e) => e.path)
  return { carried, exempt }
}

/** Code the register does not classify, per kind; empty when the register is complete. */
function unclassified(register: DataFlowRegister) {
  return Object.fromEntries(
    (Object.keys(inCode) as Kind[]).map((kind) => {
      const { carried, exempt } = classified(register, kind)
      return [kind, inCode[kind].filter((item) => !carried.includes(item) && !exempt.includes(item))]
    }),
  )
}

const register = dataFlows()

describe('the register of data flows', () => {
  it('finds the exports and API routes it checks', () => {
    expect(inCode.exports).toEqual(expect.arrayContaining(['/triage/aanmeldingen.csv', '/admin/audit.csv', '/vergoedingen.csv', '/importeren/sjabloon.csv', '/triage/doorverwijzingen/:referralId.json']))
    expect(inCode.exports).not.toContain('/importeren/placement.schema.json')
    expect(inCode.apiRoutes).toEqual(expect.arrayContaining(['/api/beroepen', '/api/v1/match', '/api/v1/placements/search']))
    expect(inCode.mailTemplates.length).toBeGreaterThan(10)
  })

  it('classifies every mail template, CSV/PDF/JSON export and /api route', () => {
    expect(unclassified(register)).toEqual({ mailTemplates: [], exports: [], apiRoutes: [] })
  })

  it('fails for a template, an export or an API route that nobody classified', () => {
    const without = (r: DataFlowRegister): DataFlowRegister => ({
      flows: r.flows.map((flow) => ({
        ...flow,
        carriedBy: {
          mailTemplates: flow.carriedBy.mailTemplates.filter((t) => t !== 'proposal-decided'),
          exports: flow.carriedBy.exports.filter((e) => e !== '/triage/aanmeldingen.csv'),
          apiRoutes: flow.carriedBy.apiRoutes.filter((a) => a !== '/api/v1/match'),
        },
      })),
      notPersonal: r.notPersonal,
    })
    expect(unclassified(without(register))).toEqual({ mailTemplates: ['proposal-decided'], exports: ['/triage/aanmeldingen.csv'], apiRoutes: ['/api/v1/match'] })
  })

  it('lists nothing that the code no longer has, and nothing both as carried and as not personal', () => {
    for (const kind of Object.keys(inCode) as Kind[]) {
      const { carried, exempt } = classified(register, kind)
      expect([...carried, ...exempt].filter((item) => !inCode[kind].includes(item)), kind).toEqual([])
      expect(exempt.filter((item) => carried.includes(item)), kind).toEqual([])
    }
  })

  it('hands every mail to the mail provider, and each also belongs to the flow of its activity', () => {
    const resend = register.flows.find((flow) => flow.id === 'mail-to-resend')!
    expect([...resend.carriedBy.mailTemplates].sort()).toEqual(inCode.mailTemplates)
    const others = register.flows.filter((flow) => flow !== resend).flatMap((flow) => flow.carriedBy.mailTemplates)
    expect(inCode.mailTemplates.filter((id) => !others.includes(id))).toEqual([])
  })

  it('has a Dutch text for every flow and every code it uses (the translation test covers the other languages)', () => {
    const dutch = JSON.parse(fs.readFileSync('public/locales/nl/intake.json', 'utf8')).dataFlows
    for (const flow of register.flows) {
      expect(dutch.flows[flow.id], flow.id).toMatchObject({ title: expect.any(String), purpose: expect.any(String) })
      for (const basis of flow.legalBasis) expect(dutch.legalBases[basis], basis).toEqual(expect.any(String))
      for (const category of flow.categories) expect(dutch.categories[category], category).toEqual(expect.any(String))
      for (const recipient of flow.recipients) expect(dutch.recipients[recipient], recipient).toEqual(expect.any(String))
      expect(dutch.retention[flow.retention], flow.retention).toEqual(expect.any(String))
    }
  })

  it('refuses a register with a flow that misses a field, an unknown field or a duplicate id', () => {
    const flow = 'id: a-b\nfrom: x\nto: y\npurpose: Something long enough.\nlegalBasis: [gdpr-6-1-e]\ncategories: [identity]\nrecipients: [ocmw-triage]\nretention: intake\ncarriedBy: {}'
    const yaml = (flows: string[]) => `flows:\n${flows.map((f) => `  - ${f.replace(/\n/g, '\n    ')}`).join('\n')}\nnotPersonal: { mailTemplates: [], exports: [], apiRoutes: [] }`
    expect(parseDataFlows(yaml([flow])).flows[0]!.carriedBy).toEqual({ mailTemplates: [], exports: [], apiRoutes: [] })
    expect(() => parseDataFlows(yaml([flow.replace('retention: intake\n', '')]))).toThrow(/retention/)
    expect(() => parseDataFlows(yaml([`${flow}\nlawfulness: maybe`]))).toThrow(/lawfulness/)
    expect(() => parseDataFlows(yaml([flow, flow]))).toThrow(/unique/)
    expect(() => parseDataFlows(yaml([flow.replace('carriedBy: {}', 'carriedBy: { exports: [triage.csv] }')]))).toThrow(/path/)
  })
})
