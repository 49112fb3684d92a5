import { describe, expect, it } from 'vitest'
import { hasPermission, rolesWith } from '#domain/permissions'
import { roles } from '#domain/values'
import { begeleiderChangeSchema, outflowSchema, outflowState } from '#domain/trajectory-follow-up'

// A fixed clock: `today` is always given.

describe('the outflow follow-up', () => {
  it('is not yet due the day before 3 months after the end, due from that day on, until recorded', () => {
    expect(outflowState({ endedOn: '2026-05-31', outflowRecordedOn: null, today: '2026-08-30' })).toEqual({ state: 'not-yet', dueOn: '2026-08-31' })
    expect(outflowState({ endedOn: '2026-05-31', outflowRecordedOn: null, today: '2026-08-31' })).toEqual({ state: 'due', dueOn: '2026-08-31' })
    expect(outflowState({ endedOn: '2026-05-31', outflowRecordedOn: null, today: '2027-05-31' })).toEqual({ state: 'due', dueOn: '2026-08-31' })
    expect(outflowState({ endedOn: '2026-05-31', outflowRecordedOn: '2026-09-02', today: '2026-09-03' })).toEqual({ state: 'recorded', dueOn: '2026-08-31' })
  })

  it('clamps at the month end like every trajectory date (30 November + 3 months = 28 February)', () => {
    expect(outflowState({ endedOn: '2026-11-30', outflowRecordedOn: null, today: '2027-02-28' }).state).toBe('due')
    expect(outflowState({ endedOn: '2026-11-30', outflowRecordedOn: null, today: '2027-02-27' }).state).toBe('not-yet')
  })

  it('takes only a status from the final report outcomes', () => {
    expect(outflowSchema.safeParse({ outflowStatus: 'regular_job' }).success).toBe(true)
    expect(outflowSchema.safeParse({ outflowStatus: 'holiday' }).success).toBe(false)
  })
})

describe('the begeleider change form', () => {
  const colleague = '0b6f2f5c-6a8e-4f0b-9d57-1f0e5c1a2b3c'

  it('wants a colleague and a note of at most 2000 characters', () => {
    expect(begeleiderChangeSchema.safeParse({ toUserId: colleague, note: ' Zie het POP. ' })).toEqual({ success: true, data: { toUserId: colleague, note: 'Zie het POP.' } })
    expect(begeleiderChangeSchema.safeParse({ toUserId: colleague, note: 'x'.repeat(2000) }).success).toBe(true)
    expect(begeleiderChangeSchema.safeParse({ toUserId: colleague, note: 'x'.repeat(2001) }).success).toBe(false)
    expect(begeleiderChangeSchema.safeParse({ toUserId: colleague, note: '   ' }).success).toBe(false)
    expect(begeleiderChangeSchema.safeParse({ toUserId: 'iemand', note: 'Zie het POP.' }).success).toBe(false)
  })
})

describe('rolesWith', () => {
  it('lists exactly the roles that hold a permission by role', () => {
    expect(rolesWith('client:manage-own-org')).toEqual(['caseworker'])
    for (const permission of ['api:use', 'placement:read-published'] as const) {
      expect(rolesWith(permission).sort()).toEqual(roles.filter((role) => hasPermission(role, permission)).sort())
    }
    // A coordinator's extra permission belongs to no role.
    expect(rolesWith('staff:manage-own-org')).toEqual([])
  })
})
