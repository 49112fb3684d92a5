import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { coordinatorPermissions, hasPermission, homeByRole, organisationTypesByRole, type Permission, permissionsByRole, type Role, roleLabels } from '#domain/permissions'
import { roles } from '#domain/values'

const docPath = path.resolve(import.meta.dirname, '../../docs/permissions.md')

/**
 * The matrix in docs/permissions.md (its "Matrix" section; the route table below it has its own test) as
 * { permission → roles with ✓ }; strict about the cell contents.
 */
function parseMatrix(markdown: string) {
  const rows = (markdown.split('\n## Matrix')[1] ?? '')
    .split('\n## ')[0]!
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('|') && line.endsWith('|'))
    .map((line) =>
      line
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim()),
    )
  const [header, separator, ...body] = rows
  if (!header || !separator) throw new Error('docs/permissions.md has no table')
  expect(header[0]).toBe('Permission')
  expect(separator.every((cell) => /^:?-{3,}:?$/.test(cell))).toBe(true)
  const columns = header.slice(1)
  const granted = new Map<string, Set<string>>()
  for (const row of body) {
    expect(row, `row ${row.join(' | ')}`).toHaveLength(header.length)
    const permission = row[0]!.replace(/^`(.*)`$/, '$1')
    expect(granted.has(permission), `${permission} appears twice`).toBe(false)
    const holders = new Set<string>()
    row.slice(1).forEach((cell, i) => {
      expect(['✓', ''], `cell ${permission} × ${columns[i]}`).toContain(cell)
      if (cell === '✓') holders.add(columns[i]!)
    })
    granted.set(permission, holders)
  }
  return { columns, granted }
}

describe('roles', () => {
  it.each(roles)('%s has a home page, a label and organisation types', (role) => {
    expect(homeByRole[role]).toMatch(/^\/[a-z]+$/)
    expect(roleLabels[role]).toBeTruthy()
    expect(organisationTypesByRole[role].length).toBeGreaterThan(0)
    expect(permissionsByRole[role].length).toBeGreaterThan(0)
  })

  it('has exactly the roles of the database enum', () => {
    expect(Object.keys(permissionsByRole).sort()).toEqual([...roles].sort())
    expect(Object.keys(homeByRole).sort()).toEqual([...roles].sort())
  })

  it('lets every role open its own home dashboard', () => {
    const dashboardByHome: Record<string, Permission> = {
      '/werkgever': 'dashboard:employer',
      '/begeleider': 'dashboard:caseworker',
      '/triage': 'dashboard:triage',
      '/partner': 'dashboard:outreach',
      '/admin': 'dashboard:admin',
    }
    for (const role of roles) {
      const permission = dashboardByHome[homeByRole[role]]
      expect(permission, `home of ${role}`).toBeDefined()
      expect(hasPermission(role, permission!), role).toBe(true)
    }
  })
})

describe('hasPermission', () => {
  it.each<[Role, Permission, boolean]>([
    ['employer', 'dashboard:admin', false],
    ['employer', 'dashboard:employer', true],
    ['employer', 'placement:manage-own', true],
    ['caseworker', 'placement:manage-own', false],
    ['platform_admin', 'outbox:read', true],
    ['regional_admin', 'outbox:read', false],
    ['regional_admin', 'audit:read-all', false],
    ['regional_admin', 'audit:read-region', true],
    ['outreach_worker', 'api:use', false],
    ['triage_worker', 'user:manage', false],
    ['triage_worker', 'staff:manage-own-org', false],
    ['regional_admin', 'user:manage-region', true],
  ])('%s × %s → %s', (role, permission, expected) => {
    expect(hasPermission(role, permission)).toBe(expected)
  })

  it('gives a coordinator of OCMW, VDAB or outreach staff the coordinator permissions on top of the role', () => {
    expect(hasPermission({ role: 'triage_worker', coordinator: true }, 'staff:manage-own-org')).toBe(true)
    expect(hasPermission({ role: 'triage_worker', coordinator: true }, 'intake:triage-own-org')).toBe(true)
    expect(hasPermission({ role: 'triage_worker', coordinator: false }, 'staff:manage-own-org')).toBe(false)
    // The mark means nothing on a role that does not work for an OCMW, VDAB team or outreach partner.
    expect(hasPermission({ role: 'employer', coordinator: true }, 'staff:manage-own-org')).toBe(false)
    expect(hasPermission({ role: 'caseworker', coordinator: true }, 'user:manage')).toBe(false)
  })
})

describe('docs/permissions.md', () => {
  const { columns, granted } = parseMatrix(fs.readFileSync(docPath, 'utf8'))

  it('has one column per role, and one for coordinators', () => {
    expect([...columns].sort()).toEqual([...roles, 'coordinator'].sort())
  })

  it('lists exactly the coordinator permissions in the coordinator column', () => {
    const inColumn = [...granted].filter(([, holders]) => holders.has('coordinator')).map(([permission]) => permission)
    expect(inColumn.sort()).toEqual([...coordinatorPermissions].sort())
  })

  it('lists every permission a role holds in code, with ✓ for exactly those roles', () => {
    for (const role of roles) {
      for (const permission of permissionsByRole[role]) {
        expect(granted.get(permission), `${permission} is missing from the table`).toBeDefined()
        expect(granted.get(permission)!.has(role), `${permission} × ${role} should be ✓`).toBe(true)
      }
    }
  })

  it('grants nothing in the table that the code does not grant', () => {
    expect(granted.size).toBeGreaterThan(0)
    for (const [permission, holders] of granted) {
      for (const role of roles) {
        expect(holders.has(role), `${permission} × ${role}`).toBe(hasPermission(role, permission as Permission))
        expect(holders.has('coordinator'), `${permission} × coordinator`).toBe((coordinatorPermissions as readonly string[]).includes(permission))
      }
    }
  })
})
