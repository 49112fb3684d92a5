import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parse } from 'yaml'
import { z } from 'zod'

/**
 * docs/data-flows.yaml, the register of data flows (issue 11, finding 10), parsed and checked. The yaml holds
 * codes; what residents read are the translations of those codes (`dataFlows.*` in the intake namespace).
 */
const code = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a lower-case code like intake-to-ocmw')
const codes = z.array(code).min(1)
const path = z.string().regex(/^\/[^\s?#]*$/, 'must be a path like /triage/aanmeldingen.csv')

const carriedBySchema = z
  .object({ mailTemplates: z.array(code).default([]), exports: z.array(path).default([]), apiRoutes: z.array(path).default([]) })
  .strict()

const flowSchema = z
  .object({
    id: code,
    from: code,
    to: code,
    purpose: z.string().min(10),
    legalBasis: codes,
    categories: codes,
    recipients: codes,
    retention: code,
    carriedBy: carriedBySchema,
  })
  .strict()

const exemption = z.object({ path, why: z.string().min(5) }).strict()

export const dataFlowRegisterSchema = z
  .object({
    flows: z.array(flowSchema).min(1),
    notPersonal: z.object({ mailTemplates: z.array(z.object({ id: code, why: z.string().min(5) }).strict()), exports: z.array(exemption), apiRoutes: z.array(exemption) }).strict(),
  })
  .strict()
  .refine((register) => new Set(register.flows.map((f) => f.id)).size === register.flows.length, 'flow ids must be unique')

export type DataFlowRegister = z.infer<typeof dataFlowRegisterSchema>
export type DataFlow = DataFlowRegister['flows'][number]

export const dataFlowsFile = resolve('docs/data-flows.yaml')

/** Parses and validates a register; throws with the yaml's or the schema's complaint. */
export const parseDataFlows = (text: string): DataFlowRegister => dataFlowRegisterSchema.parse(parse(text))

let cached: DataFlowRegister | undefined
/** The register as the portal ships it, read once per process. */
export function dataFlows(): DataFlowRegister {
  cached ??= parseDataFlows(readFileSync(dataFlowsFile, 'utf8'))
  return cached
}
