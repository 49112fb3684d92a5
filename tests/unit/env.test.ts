import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigError, isPublicPortal, parseEnv as parseProcessEnv } from '#core/env'

// Only what each test states: no NODE_ENV or anything else from the environment running the tests.
const parseEnv = (source: Record<string, string>) => parseProcessEnv(source as NodeJS.ProcessEnv)

/** The ConfigError parseEnv throws for `source`; fails the test when it does not throw one. */
function configError(source: Record<string, string>): ConfigError {
  try {
    parseEnv(source)
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError)
    return error as ConfigError
  }
  throw new Error(`parseEnv accepted ${JSON.stringify(source)}`)
}

/** Sentences of a message: "Configuration error: ", then one sentence per problem, then what to do. */
const problemSentences = (message: string) =>
  message
    .replace(/^Configuration error: /, '')
    .split(/(?<=\.)\s+(?=[A-Z])/)
    .filter((s) => !s.startsWith('Fix the environment'))

describe('parseEnv', () => {
  it('has defaults for everything an operator may leave out', () => {
    const config = parseEnv({})
    expect(config.PORT).toBe(3000)
    expect(path.isAbsolute(config.DATA_DIR)).toBe(true)
    expect(config.DATA_DIR).toBe(path.resolve('.data'))
    expect(config.SEED_DEMO).toBe(true)
    expect(config.DATABASE_URL).toBeUndefined()
    expect(config.CLIENT_RETENTION_MONTHS).toBe(24)
  })

  it('resolves a relative DATA_DIR to an absolute path and reads valid values', () => {
    const config = parseEnv({ PORT: '8080', DATA_DIR: 'some/dir', SEED_DEMO: 'false', DATABASE_URL: 'postgres://u:p@db:5432/stapsteen', CLIENT_RETENTION_MONTHS: '36' })
    expect(config.PORT).toBe(8080)
    expect(config.CLIENT_RETENTION_MONTHS).toBe(36)
    expect(config.DATA_DIR).toBe(path.resolve('some/dir'))
    expect(config.SEED_DEMO).toBe(false)
    expect(config.DATABASE_URL).toBe('postgres://u:p@db:5432/stapsteen')
  })

  it('treats empty strings as unset', () => {
    const config = parseEnv({ PORT: '', DATA_DIR: '', SEED_DEMO: '', DATABASE_URL: '', MEILISEARCH_URL: '' })
    expect(config.PORT).toBe(3000)
    expect(config.DATA_DIR).toBe(path.resolve('.data'))
    expect(config.SEED_DEMO).toBe(true)
    expect(config.DATABASE_URL).toBeUndefined()
  })

  it.each([
    ['PORT', 'abc', 'PORT must be a number'],
    ['PORT', '70000', 'PORT must be between 1 and 65535'],
    ['PORT', '0', 'PORT must be between 1 and 65535'],
    ['PORT', '80.5', 'PORT must be a whole number'],
    ['DATABASE_URL', 'mysql://x', 'DATABASE_URL must start with postgres:// or postgresql://'],
    ['DATABASE_URL', 'not a url', 'DATABASE_URL must be a URL like postgres://'],
    ['DATABASE_URL', 'postgres://h:5432/', 'DATABASE_URL must name a database'],
    ['SEED_DEMO', 'maybe', 'SEED_DEMO must be true or false'],
    ['CLIENT_RETENTION_MONTHS', '0', 'CLIENT_RETENTION_MONTHS must be at least 1'],
    ['CLIENT_RETENTION_MONTHS', '1.5', 'CLIENT_RETENTION_MONTHS must be a whole number of months'],
    ['CLIENT_RETENTION_MONTHS', 'lang', 'CLIENT_RETENTION_MONTHS must be a whole number of months'],
  ])('refuses %s=%s with a sentence that names the variable', (name, value, expected) => {
    const error = configError({ [name]: value })
    expect(error.message).toContain(expected)
    expect(error.message).toContain(`(got "${value}")`)
    // One problem, one sentence: no second complaint about the same value.
    expect(problemSentences(error.message)).toHaveLength(1)
    // A sentence for a person, not a dump: no stack frames, no JSON from zod.
    expect(error.message).not.toMatch(/\n\s*at /)
    expect(error.message).not.toMatch(/[[{]/)
  })

  it('does not echo the password of a connection URL it refuses', () => {
    const error = configError({ DATABASE_URL: 'postgres://app:s3cret-pw@db.example:5432/' })
    expect(error.message).toContain('DATABASE_URL must name a database')
    expect(error.message).not.toContain('s3cret-pw')
    expect(error.message).toContain('postgres://app:***@db.example:5432/')
  })

  it('gives one sentence per problem when several variables are wrong', () => {
    const error = configError({ PORT: 'abc', DATABASE_URL: 'mysql://x', SEED_DEMO: 'maybe' })
    const sentences = problemSentences(error.message)
    expect(sentences).toHaveLength(3)
    expect(sentences[0]).toMatch(/^PORT must be a number/)
    expect(sentences[1]).toMatch(/^DATABASE_URL must start with postgres:\/\//)
    expect(sentences[2]).toMatch(/^SEED_DEMO must be true or false/)
    expect(error.message).toMatch(/^Configuration error: /)
    expect(error.message).not.toContain('\n')
  })

  it('makes a portal public when PUBLIC_URL names another host than this machine, and then seeds no demo', () => {
    expect(isPublicPortal({ PUBLIC_URL: undefined })).toBe(false)
    for (const local of ['http://localhost:3000', 'http://127.0.0.1:8080/', 'http://[::1]:3000']) {
      expect(isPublicPortal({ PUBLIC_URL: local }), local).toBe(false)
      expect(parseEnv({ PUBLIC_URL: local }).SEED_DEMO, local).toBe(true)
    }
    for (const remote of ['https://stapsteen.example', 'https://localhost.example.be', 'http://10.0.0.5:3000']) {
      expect(isPublicPortal({ PUBLIC_URL: remote }), remote).toBe(true)
      expect(parseEnv({ PUBLIC_URL: remote }).SEED_DEMO, remote).toBe(false)
      expect(parseEnv({ PUBLIC_URL: remote, SEED_DEMO: 'false' }).SEED_DEMO, remote).toBe(false)
    }
  })

  it('reads TRUST_PROXY in the forms Express takes: off, a hop count, or the proxies’ addresses', () => {
    expect(parseEnv({}).TRUST_PROXY).toBe(false)
    for (const off of ['false', 'no', '0']) expect(parseEnv({ TRUST_PROXY: off }).TRUST_PROXY, off).toBe(false)
    expect(parseEnv({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1)
    expect(parseEnv({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2)
    expect(parseEnv({ TRUST_PROXY: 'loopback' }).TRUST_PROXY).toEqual(['loopback'])
    expect(parseEnv({ TRUST_PROXY: '10.0.0.2, 10.0.1.0/24,fd00::1,uniquelocal' }).TRUST_PROXY).toEqual(['10.0.0.2', '10.0.1.0/24', 'fd00::1', 'uniquelocal'])
  })

  it.each(['10.0.0.300', 'proxy.example', '10.0.0.2,', '10.0.0.0/33', '-1', 'all'])('refuses TRUST_PROXY=%s, naming the forms it takes', (value) => {
    const error = configError({ TRUST_PROXY: value })
    expect(problemSentences(error.message)).toEqual([
      `TRUST_PROXY must be false or the number of proxies in front of the portal (1 for one reverse proxy) or their addresses, comma-separated (IP addresses, CIDR ranges such as 10.0.0.0/8, or loopback, linklocal, uniquelocal) (got "${value}").`,
    ])
  })

  // Issue 11, finding 7: `true` trusted every hop, so the leftmost X-Forwarded-For entry (the client's own words) was its address.
  it.each(['true', 'TRUE', 'yes'])('refuses TRUST_PROXY=%s with one sentence that says what to write instead', (value) => {
    const error = configError({ TRUST_PROXY: value })
    expect(problemSentences(error.message)).toEqual([
      `TRUST_PROXY must be the number of proxies in front of the portal (1 for one reverse proxy) or their addresses, comma-separated (IP addresses, CIDR ranges such as 10.0.0.0/8, or loopback, linklocal, uniquelocal), not true: true trusts every X-Forwarded-For entry, so any client could choose its own address and slip past the login limit (got "${value}").`,
    ])
  })

  it('refuses SEED_DEMO=true on a public portal with one sentence', () => {
    const error = configError({ PUBLIC_URL: 'https://stapsteen.example', SEED_DEMO: 'true' })
    expect(error.message).toBe(
      'SEED_DEMO=true is refused because PUBLIC_URL (https://stapsteen.example) makes this a public portal, and a public portal never holds demo data.',
    )
    expect(error.message.match(/\. /g)).toBeNull()
  })
})
