import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, test } from 'vitest'
import { MatchMap } from '#app/features/matching/match-map'
import { groupMarkers, numberRanges } from '#app/features/matching/marker-groups'

/** Issue 16, point 9: placements that share a point are one marker with their count and their numbers. */
describe('grouping the match map’s markers', () => {
  const near = 32
  const shift = 32

  test('points closer than `near` share a marker at the first one’s position; others keep their own', () => {
    const points = [
      { x: 100, y: 100 },
      { x: 300, y: 100 },
      { x: 100, y: 100 },
      { x: 120, y: 110 },
      { x: 100, y: 132 },
      { x: 300, y: 100 },
    ]
    expect(groupMarkers(points, { near, shift })).toEqual([
      { x: 100, y: 100, members: [0, 2, 3] },
      { x: 300, y: 100, members: [1, 5] },
      // Exactly `near` away: far enough apart not to overlap.
      { x: 100, y: 132, members: [4] },
    ])
  })

  test('a marker that would cover the client’s home moves up by `shift`; one beside it does not move', () => {
    const home = { x: 200, y: 200 }
    const points = [
      { x: 200, y: 200 },
      { x: 205, y: 195 },
      { x: 260, y: 200 },
    ]
    expect(groupMarkers(points, { near, shift, avoid: home })).toEqual([
      { x: 200, y: 168, members: [0, 1] },
      { x: 260, y: 200, members: [2] },
    ])
  })

  test('every point is in exactly one group, whatever the points', () => {
    const points = Array.from({ length: 40 }, (_, i) => ({ x: (i * 37) % 120, y: (i * 53) % 90 }))
    const members = groupMarkers(points, { near, shift }).flatMap((group) => group.members)
    expect(members.sort((a, b) => a - b)).toEqual(points.map((_, i) => i))
  })

  test('numbers are 1-based, ascending, runs of three or more as ranges', () => {
    expect(numberRanges([0])).toBe('1')
    expect(numberRanges([3, 0, 1, 2])).toBe('1–4')
    expect(numberRanges([0, 1, 4, 6, 7, 8, 11])).toBe('1, 2, 5, 7–9, 12')
  })
})

describe('the match map (server-rendered SVG)', () => {
  const home = { lat: 51.05, lon: 3.72, name: 'Gent' }
  const map = { home, radiusKm: 20, towns: [] }
  const at = (id: string, lat: number, lon: number) => ({ id, lat, lon })

  test('four placements in one town are one marker saying 4× and 1–4; a placement elsewhere keeps its own number', () => {
    const town = { lat: 51.1, lon: 3.9 }
    const items = [at('a', town.lat, town.lon), at('b', town.lat, town.lon), at('c', town.lat, town.lon), at('d', town.lat, town.lon), at('e', 50.95, 3.6)]
    const html = renderToStaticMarkup(<MatchMap map={map} items={items} />)
    const texts = [...html.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) => match[1])
    expect(texts).toEqual(['4×', '1–4', '5', 'Gent'])
    // One numbered circle (the single placement), one pill (the group), no circle per grouped placement.
    expect(html.match(/<circle[^>]*r="16"[^>]*fill="#1e40af"/g)).toHaveLength(1)
    expect(html.match(/<rect[^>]*rx="16"/g)).toHaveLength(1)
    expect(html).toContain('Meer plaatsen op één punt: hun aantal, met hun nummers ernaast')
  })

  test('placements in the client’s own town do not hide the home square', () => {
    const html = renderToStaticMarkup(<MatchMap map={map} items={[at('a', home.lat, home.lon)]} />)
    const circle = /<circle cx="([\d.]+)" cy="([\d.]+)" r="16"/.exec(html)!
    const square = /<rect x="([\d.]+)" y="([\d.]+)" width="18"/.exec(html)!
    expect(Number(circle[1])).toBe(Number(square[1]) + 9)
    expect(Number(square[2]) + 9 - Number(circle[2])).toBe(32)
  })
})
