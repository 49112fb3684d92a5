/**
 * Great-circle distance by the haversine formula on a sphere of 6371 km: the definition the relevance set and
 * the match contract use, so "at most 20 km" means the same here, in SQL (search/postgres) and in tests.
 */
const EARTH_RADIUS_KM = 6371

export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180
  const h = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(Math.min(1, h)))
}

/** Distances are shown and returned to 10 m. */
export const roundKm = (km: number) => Math.round(km * 100) / 100
