import { describe, expect, it } from 'vitest'
import { projectionFor } from '#app/components/map-projection'

const gent = { lat: 51.0543, lon: 3.7174 }
const brussel = { lat: 50.8467, lon: 4.3525 }

describe('projectionFor', () => {
  it('fits the points within the margin, north up, at the asked width', () => {
    const map = projectionFor([gent, brussel], { width: 600, pad: 12 })
    expect(map.width).toBe(600)
    expect(map.x(gent.lon)).toBe(12)
    expect(map.x(brussel.lon)).toBeCloseTo(588, 0)
    expect(map.y(gent.lat)).toBe(12)
    expect(map.y(brussel.lat)).toBeCloseTo(map.height - 12, 0)
  })

  it('draws a kilometre as long east–west as north–south, so a radius is a circle', () => {
    const map = projectionFor([gent, brussel])
    const kmPerDegreeLat = (6371 * Math.PI) / 180
    const kmPerDegreeLon = kmPerDegreeLat * Math.cos((((gent.lat + brussel.lat) / 2) * Math.PI) / 180)
    // 10 km north and 10 km east of Gent, in drawing units.
    const north = map.y(gent.lat) - map.y(gent.lat + 10 / kmPerDegreeLat)
    const east = map.x(gent.lon + 10 / kmPerDegreeLon) - map.x(gent.lon)
    expect(north).toBeCloseTo(map.km(10), 0)
    expect(east).toBeCloseTo(map.km(10), 0)
  })
})
