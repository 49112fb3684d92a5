import type { ReactNode } from 'react'
import { type GeoPoint, KM_PER_DEGREE, projectionFor } from '#app/components/map-projection'
import { groupMarkers, type MarkerGroup, numberRanges } from './marker-groups'

export type MatchMapData = { home: GeoPoint & { name: string }; radiusKm: number; towns: GeoPoint[] }
type Marked = GeoPoint & { id: string }

// Drawn 600 units wide, the map shows at about 0.6 on a 390 px phone: these sizes keep the numbers readable there.
const MARKER = 16
const FONT = 18

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
  const homeX = x(home.lon)
  const homeY = y(home.lat)
  const groups = groupMarkers(
    items.map((item) => ({ x: x(item.lon), y: y(item.lat) })),
    { near: MARKER * 2, avoid: { x: homeX, y: homeY }, shift: MARKER * 2 },
  )
  return (
    <figure className="mt-4 max-w-md">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="match-map-title match-map-desc" className="h-auto w-full rounded-md border border-slate-300 bg-white">
        {/* One text node: React warns about (and the browser shows markup for) a title of several children. */}
        <title id="match-map-title">{`Kaart van de passende plaatsen rond ${home.name}`}</title>
        <desc id="match-map-desc">
          De woonplaats van de cliënt, de cirkel van {radiusKm} km en elke plaats met haar nummer uit de lijst; plaatsen op hetzelfde punt staan
          samen, met hun aantal en hun nummers. De lijst geeft dezelfde plaatsen met hun afstand in km.
        </desc>
        {map.towns.map((town) => (
          <circle key={`${town.lat},${town.lon}`} cx={x(town.lon)} cy={y(town.lat)} r={3} fill="#64748b" />
        ))}
        <circle cx={homeX} cy={homeY} r={km(radiusKm)} fill="none" stroke="#475569" strokeWidth={2} strokeDasharray="8 5" />
        {groups.map((group) => (
          <Marker key={group.members[0]} group={group} flip={group.x > width - 140} />
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
              <rect x={1.5} y={3.5} width={13} height={9} rx={4.5} fill="#ffffff" stroke="#1e40af" strokeWidth={2} />
            </Swatch>
            Meer plaatsen op één punt: hun aantal, met hun nummers ernaast
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

/** One placement: its number in a circle. Several at one point: their count in a pill, their numbers beside it. */
function Marker({ group, flip }: { group: MarkerGroup; flip: boolean }) {
  const { x, y, members } = group
  if (members.length === 1) {
    return (
      <g>
        <circle cx={x} cy={y} r={MARKER} fill="#1e40af" stroke="#ffffff" strokeWidth={1.5} />
        <text x={x} y={y} fill="#ffffff" fontSize={FONT} fontWeight={700} textAnchor="middle" dominantBaseline="central">
          {members[0]! + 1}
        </text>
      </g>
    )
  }
  const count = `${members.length}×`
  const half = MARKER * 0.5 + count.length * FONT * 0.35
  const side = flip ? -1 : 1
  return (
    <g>
      <rect x={x - half} y={y - MARKER} width={2 * half} height={2 * MARKER} rx={MARKER} fill="#ffffff" stroke="#1e40af" strokeWidth={3} />
      <text x={x} y={y} fill="#1e40af" fontSize={FONT} fontWeight={700} textAnchor="middle" dominantBaseline="central">
        {count}
      </text>
      <text
        x={x + side * (half + 6)}
        y={y}
        fill="#1e40af"
        stroke="#ffffff"
        strokeWidth={4}
        paintOrder="stroke"
        fontSize={FONT}
        fontWeight={700}
        textAnchor={flip ? 'end' : 'start'}
        dominantBaseline="central"
      >
        {numberRanges(members)}
      </text>
    </g>
  )
}

function Swatch({ children }: { children: ReactNode }) {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false" className="shrink-0">
      {children}
    </svg>
  )
}
