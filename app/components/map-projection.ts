export type GeoPoint = { lat: number; lon: number }

/** Kilometres in a degree of latitude, on the 6371 km sphere of search/geo.ts. */
export const KM_PER_DEGREE = (6371 * Math.PI) / 180
const round = (n: number) => Math.round(n * 10) / 10

/**
 * The projection of the portal's maps: equirectangular, with longitudes shrunk by cos(latitude) so Flanders keeps
 * its shape, fitted around `points` with a margin; `width` fixes the drawing's width instead of its scale (units
 * per degree). Distances come out the same in every direction, so a radius in km is a circle. Coordinates are
 * rounded to a tenth to keep the SVG small.
 */
export function projectionFor(points: readonly GeoPoint[], { scale: fixedScale = 260, pad = 8, width: fixedWidth }: { scale?: number; pad?: number; width?: number } = {}) {
  const lats = points.map((p) => p.lat)
  const lons = points.map((p) => p.lon)
  const [minLat, maxLat, minLon, maxLon] = [Math.min(...lats), Math.max(...lats), Math.min(...lons), Math.max(...lons)]
  const kx = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180)
  const scale = fixedWidth === undefined ? fixedScale : (fixedWidth - 2 * pad) / Math.max(1e-6, (maxLon - minLon) * kx)
  return {
    width: round((maxLon - minLon) * kx * scale + 2 * pad),
    height: round((maxLat - minLat) * scale + 2 * pad),
    x: (lon: number) => round((lon - minLon) * kx * scale + pad),
    y: (lat: number) => round((maxLat - lat) * scale + pad),
    km: (distance: number) => round((distance / KM_PER_DEGREE) * scale),
  }
}
