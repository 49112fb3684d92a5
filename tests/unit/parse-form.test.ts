import { z } from 'zod'
import { describe, expect, it } from 'vitest'
import { parseWithZod } from '#app/utils/parse-form'

const schema = z.object({ email: z.string().email('Vul een e-mailadres in.'), barriers: z.array(z.string()).default([]) })

describe('parseWithZod', () => {
  it('drops fields with a huge list index instead of building a list of a billion places', () => {
    const form = new FormData()
    form.append('email', 'iemand@example.be')
    form.append('barriers[999999999]', 'x')
    form.append('barriers.1000000', 'y')
    const started = performance.now()
    const submission = parseWithZod(form, { schema })
    expect(performance.now() - started).toBeLessThan(1000)
    expect(submission.status).toBe('success')
    expect(submission.status === 'success' && submission.value).toEqual({ email: 'iemand@example.be', barriers: [] })
  })

  it('keeps ordinary list fields and reports the real fields', () => {
    const form = new FormData()
    form.append('email', 'geen adres')
    form.append('barriers[0]', 'debts')
    form.append('barriers[1]', 'housing')
    const submission = parseWithZod(form, { schema })
    if (submission.status !== 'error') throw new Error(`expected an error, got ${submission.status}`)
    expect(submission.payload).toMatchObject({ barriers: ['debts', 'housing'] })
    expect(submission.error).toEqual({ email: ['Vul een e-mailadres in.'] })
  })
})
