/**
 * A seeded random source for the benchmarks: the same seed gives the same placements and queries on every
 * machine, so two runs differ only in how fast they are.
 */
export type Random = {
  /** 0 ≤ n < 1 */
  next(): number
  int(min: number, max: number): number
  chance(p: number): boolean
  pick<T>(items: readonly T[]): T
  /** An item by weight: `[[item, weight], …]`. */
  weighted<T>(items: readonly (readonly [T, number])[]): T
  /** `count` different items (fewer when there are not that many). */
  sample<T>(items: readonly T[], count: number): T[]
}

export function seededRandom(seed: number): Random {
  // mulberry32: tiny, fast and good enough to spread benchmark data.
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    weighted: (items) => {
      let left = next() * items.reduce((sum, [, weight]) => sum + weight, 0)
      for (const [item, weight] of items) {
        left -= weight
        if (left < 0) return item
      }
      return items.at(-1)![0]
    },
    sample: (items, count) => {
      const pool = [...items]
      const chosen = []
      while (chosen.length < count && pool.length > 0) chosen.push(pool.splice(Math.floor(next() * pool.length), 1)[0]!)
      return chosen
    },
  }
  return random
}
