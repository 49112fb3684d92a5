import pino from 'pino'
import { errorSerializer } from './log-serializers'

// Structured JSON logs on stdout; one logger per process, shared with the Remix build through globalThis.
const g = globalThis as { __stapsteenLogger?: pino.Logger }

const options: pino.LoggerOptions = {
  level: process.env.LOG_LEVEL ?? 'info',
  base: { service: 'stapsteen' },
  // Errors lose the values they were about (core/log-serializers.ts); request lines are built in server/http.ts.
  serializers: { err: errorSerializer },
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
