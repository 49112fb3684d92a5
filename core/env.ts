import path from 'node:path'
import { z } from 'zod'
import { parseTrustProxy } from './trust-proxy'

/**
 * Configuration, validated once at start. Names are part of the machine interface
 * (shared formats README): PORT, DATA_DIR, DATABASE_URL, MEILISEARCH_URL, MEILISEARCH_API_KEY,
 * RESEND_API_KEY, EMAIL_FROM, SEED_DEMO.
 */
const booleanString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], {
    errorMap: () => ({ message: 'must be true or false' }),
  })
  .transform((v) => v === 'true' || v === '1' || v === 'yes')

// Checked in order and only the first problem is reported: one sentence per wrong value, and a value that is
// not a URL at all must not reach `new URL` in a later check (that threw a bare TypeError).
const postgresUrl = z.string().superRefine((v, ctx) => {
  let url: URL
  try {
    url = new URL(v)
  } catch {
    ctx.addIssue({ code: 'custom', message: 'must be a URL like postgres://user:password@host:5432/database' })
    return
  }
  if (!/^postgres(ql)?:$/.test(url.protocol)) {
    ctx.addIssue({ code: 'custom', message: 'must start with postgres:// or postgresql://' })
  } else if (url.pathname.length <= 1) {
    ctx.addIssue({ code: 'custom', message: 'must name a database, e.g. postgres://user:pw@host:5432/stapsteen' })
  }
})

const retentionMonths = (fallback: number) =>
  z.coerce.number({ message: 'must be a whole number of months' }).int('must be a whole number of months').min(1, 'must be at least 1').max(120, 'must be at most 120').default(fallback)

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  PORT: z.coerce
    .number({ invalid_type_error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be between 1 and 65535')
    .max(65535, 'must be between 1 and 65535')
    .default(3000),
  DATA_DIR: z.string().min(1).default('./.data'),
  DATABASE_URL: postgresUrl.optional(),
  MEILISEARCH_URL: z.string().url('must be a URL like http://127.0.0.1:7700').optional(),
  MEILISEARCH_API_KEY: z.string().optional(),
  RESEND_API_KEY: z.string().min(1).optional(),
  EMAIL_FROM: z.string().min(3).default('Stapsteen <noreply@stapsteen.localhost>'),
  // Default: true on localhost, false on a public portal (see isPublicPortal).
  SEED_DEMO: booleanString.optional(),
  // Absolute address of the portal, used in links inside emails; a host other than localhost makes the portal public.
  PUBLIC_URL: z.string().url('must be a URL like https://stapsteen.example.be').optional(),
  // Whether `npm start` also runs the job worker in the same process (false when workers run separately).
  RUN_WORKER: booleanString.default('true'),
  // Behind reverse proxies, which of them may tell the client address (login limits, logs): core/trust-proxy.ts.
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((v, ctx) => {
      const parsed = parseTrustProxy(v)
      if (parsed.ok) return parsed.value
      ctx.addIssue({ code: 'custom', message: `must ${parsed.reason}` })
      return z.NEVER
    }),
  // Intakes without progress for this many months are anonymised by the daily retention job (issue 5).
  INTAKE_RETENTION_MONTHS: retentionMonths(12),
  // Closed client records and decided proposals are anonymised this many months after closing or deciding (issue 11).
  CLIENT_RETENTION_MONTHS: retentionMonths(24),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
})

export type Env = Omit<z.infer<typeof schema>, 'SEED_DEMO'> & { DATA_DIR: string; SEED_DEMO: boolean }

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

/** A portal is public when PUBLIC_URL names a host other than this machine: it then never holds demo data. */
export function isPublicPortal(config: Pick<Env, 'PUBLIC_URL'>): boolean {
  return config.PUBLIC_URL !== undefined && !LOCAL_HOSTS.has(new URL(config.PUBLIC_URL).hostname)
}

export class ConfigError extends Error {}

/** Parses the environment; throws a ConfigError whose message is one sentence per problem. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  // Empty strings in a .env file or shell mean "unset".
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''))
  const result = schema.safeParse(cleaned)
  if (!result.success) {
    const lines = result.error.issues.map((i) => {
      const key = i.path.join('.')
      // Never echo a password from a connection URL into a terminal or log.
      const got = String(cleaned[key] ?? '').replace(/\/\/([^/:@]*):[^/@]*@/, '//$1:***@')
      return `${key} ${i.message} (got "${got}").`
    })
    throw new ConfigError(`Configuration error: ${lines.join(' ')} Fix the environment variable and start again.`)
  }
  const publicPortal = isPublicPortal(result.data)
  if (publicPortal && result.data.SEED_DEMO === true) {
    throw new ConfigError(
      `SEED_DEMO=true is refused because PUBLIC_URL (${result.data.PUBLIC_URL}) makes this a public portal, and a public portal never holds demo data.`,
    )
  }
  return { ...result.data, SEED_DEMO: result.data.SEED_DEMO ?? !publicPortal, DATA_DIR: path.resolve(result.data.DATA_DIR) }
}

const g = globalThis as { __stapsteenEnv?: Env }

/** The validated environment; the server and the Remix build share one copy through globalThis. */
export function env(): Env {
  g.__stapsteenEnv ??= parseEnv()
  return g.__stapsteenEnv
}

export function setEnv(value: Env) {
  g.__stapsteenEnv = value
}
