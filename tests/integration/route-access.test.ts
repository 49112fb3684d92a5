import { randomUUID } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import { createApiToken } from '#app/auth/api-token.server'
import { hasPermission, type Permission, type PermissionHolder } from '#domain/permissions'
import { roles } from '#domain/values'
import { db } from '#db/client'
import { createEmployer, createOrganisation, createUser } from '#db/seed/factories'
import { answer, BASE_URL, context, cookieFor, organisation } from './staff-support'

/**
 * The route × role matrix (issue 11): every loader and action of every route file, called as every role, as a
 * coordinator and signed out, answers what the "Routes" table of docs/permissions.md says. The table is the
 * expected side; the route files are the generated side, so a new route without a row fails here.
 */
const ROUTES = path.resolve(import.meta.dirname, '../../app/routes')
const DOC = path.resolve(import.meta.dirname, '../../docs/permissions.md')

type Rule =
  | { kind: 'none' | 'public' | 'signed-in' | 'signed-in-401' | 'not-allowed' }
  | { kind: 'permission' | 'token'; permissions: Permission[] }

function parseRule(cell: string): Rule {
  const permissions = [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1] as Permission)
  if (cell === '—') return { kind: 'none' }
  if (cell === 'public') return { kind: 'public' }
  if (cell === 'signed-in') return { kind: 'signed-in' }
  if (cell === 'signed-in (401)') return { kind: 'signed-in-401' }
  if (cell === '405') return { kind: 'not-allowed' }
  if (cell.startsWith('token ') && permissions.length > 0) return { kind: 'token', permissions }
  if (permissions.length > 0 && cell.replace(/`[^`]+`/g, '').replace(/\bor\b/g, '').trim() === '') return { kind: 'permission', permissions }
  throw new Error(`docs/permissions.md: a route cell I cannot read: "${cell}"`)
}

function documentedRoutes() {
  const section = readFileSync(DOC, 'utf8').split('\n## Routes')[1] ?? ''
  const rows = section.split('\n').filter((line) => /^\| `/.test(line))
  return new Map(
    rows.map((line) => {
      const [route, loader, action] = line.split('|').slice(1, 4).map((cell) => cell.trim()) as [string, string, string]
      return [route.replace(/`/g, ''), { loader: parseRule(loader), action: parseRule(action) }]
    }),
  )
}

/** Route files as remix-flat-routes reads them (remix.config.js ignores dotfiles, tests and .server modules), by id. */
function routeFiles(): Map<string, string> {
  const entries = readdirSync(ROUTES, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !/^\.|\.test\.tsx?$|\.server\.tsx?$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
  return new Map(entries.map((file) => [path.relative(ROUTES, file).replace(/\.tsx?$/, ''), file]))
}

type Principal = { name: string; holder?: PermissionHolder; userId?: string }

async function principals(): Promise<Principal[]> {
  const ocmw = await organisation('ocmw-44021')
  const platform = await organisation('stapsteen')
  const partner = await createOrganisation(db(), { type: 'outreach_partner', municipalities: ['44021'] })
  const { organisation: employer } = await createEmployer(db())
  const homes = { employer: employer.id, caseworker: ocmw.id, triage_worker: ocmw.id, outreach_worker: partner.id, regional_admin: platform.id, platform_admin: platform.id }
  const people: Principal[] = [{ name: 'signed out' }]
  for (const role of roles) {
    const user = await createUser(db(), { organisationId: homes[role], role, regions: role === 'regional_admin' ? ['REFREG13'] : [] })
    people.push({ name: role, holder: role, userId: user.id })
  }
  const coordinator = await createUser(db(), { organisationId: ocmw.id, role: 'caseworker', coordinator: true })
  people.push({ name: 'coordinator (caseworker)', holder: { role: 'caseworker', coordinator: true }, userId: coordinator.id })
  return people
}

/** A value for each dynamic segment: a reference region where the route wants one, else an id nobody has. */
function paramsOf(route: string) {
  return Object.fromEntries([...route.matchAll(/\$(\w+)/g)].map(([, name]) => [name, name === 'region' ? 'REFREG13' : randomUUID()]))
}

type RouteModule = Record<'loader' | 'action', (args: unknown) => Promise<unknown>>

async function call(route: string, module: RouteModule, kind: 'loader' | 'action', principal: Principal, viaToken: boolean) {
  const headers = new Headers()
  if (principal.userId && viaToken) headers.set('Authorization', `Bearer ${await createApiToken(db(), principal.userId, 'cli')}`)
  // A fresh session per call: one of the actions is signing out.
  if (principal.userId && !viaToken) headers.set('Cookie', await cookieFor(principal.userId))
  const init: RequestInit = kind === 'action' ? { method: 'POST', headers, body: new URLSearchParams() } : { headers }
  if (kind === 'action') headers.set('Content-Type', 'application/x-www-form-urlencoded')
  const request = new Request(`${BASE_URL}/${route.replace(/\+/g, '')}`, init)
  const result = await answer(Promise.resolve().then(() => module[kind]({ request, params: paramsOf(route), context })))
  // Remix also lets a loader return plain data (or null): that is a 200.
  return result instanceof Response ? result : new Response(null, { status: 200 })
}


function verdict(response: Response) {
  const location = response.headers.get('Location') ?? ''
  if (response.status === 401) return '401'
  if (response.status === 403) return '403'
  if (response.status === 405) return '405'
  if (response.status >= 300 && response.status < 400 && location.startsWith('/inloggen')) return 'login'
  if (response.status >= 500) return `error ${response.status}`
  return 'in'
}

function expected(rule: Rule, principal: Principal): string {
  const holds = (permissions: Permission[]) => principal.holder !== undefined && permissions.some((p) => hasPermission(principal.holder!, p))
  switch (rule.kind) {
    case 'public':
      return 'in'
    case 'not-allowed':
      return '405'
    case 'signed-in':
      return principal.holder ? 'in' : 'login'
    case 'signed-in-401':
      return principal.holder ? 'in' : '401'
    case 'permission':
      return !principal.holder ? 'login' : holds(rule.permissions) ? 'in' : '403'
    case 'token':
      return !principal.holder ? '401' : holds(rule.permissions) ? 'in' : '403'
    case 'none':
      throw new Error('a route without this function has no expected answer')
  }
}

const documented = documentedRoutes()
const files = routeFiles()
let people: Principal[] = []

beforeAll(async () => {
  people = await principals()
})

test('docs/permissions.md has a row for every route file, and no row without a file', () => {
  expect([...documented.keys()].sort()).toEqual([...files.keys()].sort())
})

describe.each([...files.keys()].sort())('%s', (route) => {
  test.each(['loader', 'action'] as const)('%s answers every principal as documented', async (kind) => {
    const rule = documented.get(route)?.[kind]
    expect(rule, `no row for ${route} in docs/permissions.md`).toBeDefined()
    const module = (await import(files.get(route)!)) as RouteModule
    expect(typeof module[kind] === 'function', `${route}: the table says ${rule!.kind} for its ${kind}`).toBe(rule!.kind !== 'none')
    if (rule!.kind === 'none') return
    const answers: Record<string, string> = {}
    const wanted: Record<string, string> = {}
    for (const principal of people) {
      answers[principal.name] = verdict(await call(route, module, kind, principal, rule!.kind === 'token'))
      wanted[principal.name] = expected(rule!, principal)
    }
    expect(answers).toEqual(wanted)
  })
})
