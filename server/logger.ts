import pino from 'pino'

// Structured JSON logs on stdout; one logger per process, shared with the Remix build through globalThis.
const g = globalThis as { __stapsteenLogger?: pino.Logger }

const options: pino.LoggerOptions = {
  level: process.env.LOG_LEVEL ?? 'info',
  base: { service: 'stapsteen' },
  redact: { paths: ['req.headers.cookie', 'req.headers.authorization', '*.password'], censor: '[redacted]' },
}

export function logger(): pino.Logger {
  g.__stapsteenLogger ??= pino(options)
  return g.__stapsteenLogger
}

/** Commands keep stdout for their answer (`token:create` prints only the token), so they log to stderr. */
export function logToStderr() {
  g.__stapsteenLogger = pino(options, pino.destination(2))
}
