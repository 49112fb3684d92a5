import type { ReactNode } from 'react'
import { type GeoPoint, KM_PER_DEGREE, projectionFor } from '#app/components/map-projection'

export type MatchMapData = { home: GeoPoint & { name: string }; radiusKm: number; towns: GeoPoint[] }
type Marked = GeoPoint & { id: string }

const MARKER = 14

/** Placements in one town share its point: they are spread on a small ring, so every number shows. */
function spread(items: Marked[], x: (lon: number) => number, y: (lat: number) => number) {
  const groups = new Map<string, number[]>()
  items.forEach((item, i) => {
    const point = `${item.lat},${item.lon}`
    groups.set(point, [...(groups.get(point) ?? []), i])
  })
  const positions: { x: number; y: number }[] = []
  for (const members of groups.values()) {
    members.forEach((index, k) => {
      const angle = (2 * Math.PI * k) / members.length
      const ring = members.length === 1 ? 0 : MARKER * 1.3
      positions[index] = { x: x(items[index]!.lon) + ring * Math.sin(angle), y: y(items[index]!.lat) - ring * Math.cos(angle) }
    })
  }
  return positions
}

/**
 * Where the fitting placements lie: the client's home, the circle of their maximum distance and each placement
 * with its number in the list, on the reference points of the municipalities around. An image for sighted
 * readers; the list below says the same with the distance in km, and the map's description says so.
 */
export function MatchMap({ map, items }: { map: MatchMapData; items: Marked[] }) {
  const { home, radiusKm } = map
  // The drawing covers the circle: its box, a little wider.
  const dLat = (radiusKm * 1.1) / KM_PER_DEGREE
  const dLon = dLat / Math.cos((home.lat * Math.PI) / 180)
  const corners = [
    { lat: home.lat - dLat, lon: home.lon - dLon },
    { lat: home.lat + dLat, lon: home.lon + dLon },
  ]
  const { width, height, x, y, km } = projectionFor(corners, { width: 600, pad: 12 })
  const positions = spread(items, x, y)
  const homeX = x(home.lon)
  const homeY = y(home.lat)
  return (
    <figure className="mt-4 max-w-md">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="match-map-title match-map-desc" className="h-auto w-full rounded-md border border-slate-300 bg-white">
        <title id="match-map-title">Kaart van de passende plaatsen rond {home.name}</title>
        <desc id="match-map-desc">
          De woonplaats van de cliënt, de cirkel van {radiusKm} km en elke plaats met haar nummer uit de lijst. De lijst geeft dezelfde plaatsen met
          hun afstand in km.
        </desc>
        {map.towns.map((town) => (
          <circle key={`${town.lat},${town.lon}`} cx={x(town.lon)} cy={y(town.lat)} r={3} fill="#64748b" />
        ))}
        <circle cx={homeX} cy={homeY} r={km(radiusKm)} fill="none" stroke="#475569" strokeWidth={2} strokeDasharray="8 5" />
        {items.map((item, i) => (
          <g key={item.id}>
            <circle cx={positions[i]!.x} cy={positions[i]!.y} r={MARKER} fill="#1e40af" stroke="#ffffff" strokeWidth={1.5} />
            <text x={positions[i]!.x} y={positions[i]!.y} fill="#ffffff" fontSize={15} fontWeight={700} textAnchor="middle" dominantBaseline="central">
              {i + 1}
            </text>
          </g>
        ))}
        <rect x={homeX - 9} y={homeY - 9} width={18} height={18} fill="#0f172a" stroke="#ffffff" strokeWidth={2} />
        <text x={homeX + 14} y={homeY} fill="#0f172a" stroke="#ffffff" strokeWidth={4} paintOrder="stroke" fontSize={16} fontWeight={700} dominantBaseline="central">
          {home.name}
        </text>
      </svg>
      <figcaption className="mt-2">
        <ul className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
          <li className="flex items-center gap-2">
            <Swatch>
              <rect x={2} y={2} width={12} height={12} fill="#0f172a" />
            </Swatch>
            Woonplaats ({home.name})
          </li>
          <li className="flex items-center gap-2">
            <Swatch>
              <circle cx={8} cy={8} r={6} fill="none" stroke="#475569" strokeWidth={1.5} strokeDasharray="3 2" />
            </Swatch>
            Hoogstens {radiusKm} km
          </li>
          <li className="flex items-center gap-2">
            <Swatch>
              <circle cx={8} cy={8} r={7} fill="#1e40af" />
            </Swatch>
            Plaats, met haar nummer in de lijst
          </li>
          <li className="flex items-center gap-2">
            <Swatch>
              <circle cx={8} cy={8} r={2} fill="#64748b" />
            </Swatch>
            Gemeente
          </li>
        </ul>
      </figcaption>
    </figure>
  )
}

function Swatch({ children }: { children: ReactNode }) {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false" className="shrink-0">
      {children}
    </svg>
  )
}
