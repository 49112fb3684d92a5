import { parseWithZod as conformParseWithZod } from '@conform-to/zod'

/**
 * Conform's parseWithZod, minus one hazard: it reads a field named `name[999999999]` (or `name.999999999`) as a
 * list with a billion places, which Zod and `submission.reply()` then walk — one small request could block a
 * web process for seconds or crash it out of memory. No form of ours has a list of a thousand items, so such
 * fields are dropped before parsing; the form then reports the real fields as usual. Used on server and client.
 */
const HUGE_INDEX = /\[\d{4,}\]|\.\d{4,}(?=$|[.[])/

export const parseWithZod = ((payload: FormData | URLSearchParams, options: never) => {
  const huge = [...payload.keys()].filter((name) => HUGE_INDEX.test(name))
  for (const name of new Set(huge)) payload.delete(name)
  return conformParseWithZod(payload, options)
}) as typeof conformParseWithZod
