/** Polls `check` until it holds, for work done by a job in the background; fails after `seconds`. */
export async function eventually(check: () => Promise<boolean>, seconds = 15) {
  const until = Date.now() + seconds * 1000
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`not within ${seconds} s`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}
