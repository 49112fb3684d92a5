import { setTimeout as sleep } from 'node:timers/promises'

/**
 * The forms that mail an address someone typed answer the same whether or not it has an account, and their
 * time must not tell either: looking up the account, making a token and rendering the mail took ~115 ms where
 * an unknown address took ~25 (median on the 2-core development machine under load), so one request told. The
 * work therefore gets a fixed time: the answer comes no sooner than STEADY_ANSWER_MS after the work started,
 * above the slowest work seen there (a registration, with its password hash: 365 ms). A server so overloaded
 * that the work takes longer would leak again; a job doing the work after the answer would close that too, at
 * the price of a job holding an address nobody has verified.
 */
export const STEADY_ANSWER_MS = 500

export async function steadily<T>(work: () => Promise<T>): Promise<T> {
  const started = performance.now()
  try {
    return await work()
  } finally {
    const left = STEADY_ANSWER_MS - (performance.now() - started)
    if (left > 0) await sleep(left)
  }
}
