import { deviationBandLabels } from '#domain/compensation-labels'
import type { DeviationBand } from '#domain/cost-estimate'
import { projectionFor } from './map-projection'

export type MapBand = DeviationBand | 'none'
export type MapPoint = { nis: string; regionCode: string; lat: number; lon: number }

/**
 * Every band has its own colour AND its own shape, and the legend names it, so the map never relies on
 * colour alone (WCAG 1.4.1). Colours keep 3:1 contrast on white (WCAG 1.4.11).
 */
const styles: Record<MapBand, { colour: string; shape: 'down' | 'diamond' | 'circle' | 'square' | 'up' | 'cross'; label: string }> = {
  much_lower: { colour: '#1e3a8a', shape: 'down', label: deviationBandLabels.much_lower },
  lower: { colour: '#2563eb', shape: 'diamond', label: deviationBandLabels.lower },
  near: { colour: '#4b5563', shape: 'circle', label: deviationBandLabels.near },
  higher: { colour: '#c2410c', shape: 'square', label: deviationBandLabels.higher },
  much_higher: { colour: '#7c2d12', shape: 'up', label: deviationBandLabels.much_higher },
  none: { colour: '#475569', shape: 'cross', label: 'nog geen regeling' },
}
const bandOrder: MapBand[] = ['much_lower', 'lower', 'near', 'higher', 'much_higher', 'none']

function Marker({ band, x, y, r }: { band: MapBand; x: number; y: number; r: number }) {
  const { colour, shape } = styles[band]
  switch (shape) {
    case 'circle':
      return <circle cx={x} cy={y} r={r} fill={colour} />
    case 'square':
      return <rect x={x - r * 0.9} y={y - r * 0.9} width={r * 1.8} height={r * 1.8} fill={colour} />
    case 'diamond':
      return <polygon points={`${x},${y - r * 1.2} ${x + r * 1.2},${y} ${x},${y + r * 1.2} ${x - r * 1.2},${y}`} fill={colour} />
    case 'up':
      return <polygon points={`${x},${y - r * 1.3} ${x + r * 1.2},${y + r} ${x - r * 1.2},${y + r}`} fill={colour} />
    case 'down':
      return <polygon points={`${x},${y + r * 1.3} ${x + r * 1.2},${y - r} ${x - r * 1.2},${y - r}`} fill={colour} />
    case 'cross':
      return <path d={`M${x - r},${y - r}L${x + r},${y + r}M${x - r},${y + r}L${x + r},${y - r}`} stroke={colour} strokeWidth={r * 0.6} />
  }
}

/** The map's marker for a band as a small decorative icon, for the legend and next to the words in the table. */
export function BandMarker({ band }: { band: MapBand }) {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false" className="inline-block shrink-0">
      <Marker band={band} x={8} y={8} r={5} />
    </svg>
  )
}

/**
 * Flanders drawn from the municipalities' reference points: one marker per municipality, in its region's
 * band (projection: map-projection.ts).
 * An image for sighted readers; the comparison table is the accessible equivalent, so the map says so.
 */
export function FlandersMap({
  points,
  bands,
  title,
}: {
  points: readonly MapPoint[]
  bands: Readonly<Record<string, MapBand>>
  title: string
}) {
  if (points.length === 0) return null
  const { width, height, x, y } = projectionFor(points)
  const bandOf = (regionCode: string) => bands[regionCode] ?? 'none'
  const counts = new Map<MapBand, number>()
  for (const band of Object.values(bands)) counts.set(band, (counts.get(band) ?? 0) + 1)
  return (
    <figure className="mt-4">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby="flanders-map-title flanders-map-desc"
        className="h-auto w-full max-w-4xl"
      >
        <title id="flanders-map-title">{title}</title>
        <desc id="flanders-map-desc">
          Elke markering is een gemeente, getekend in de kleur en vorm van het verschil van haar referentieregio met de Vlaamse mediaan. De
          tabel op deze pagina geeft dezelfde informatie als tekst.
        </desc>
        {points.map((p) => (
          <Marker
            key={p.nis}
            band={bandOf(p.regionCode)}
            x={x(p.lon)}
            y={y(p.lat)}
            r={3.2}
          />
        ))}
      </svg>
      <figcaption className="mt-2">
        <p className="font-semibold">Legende</p>
        <ul className="mt-1 flex flex-wrap gap-x-6 gap-y-1">
          {bandOrder
            .filter((band) => counts.has(band))
            .map((band) => (
              <li key={band} className="flex items-center gap-2">
                <BandMarker band={band} />
                {styles[band].label} ({counts.get(band)} {counts.get(band) === 1 ? 'regio' : "regio's"})
              </li>
            ))}
        </ul>
      </figcaption>
    </figure>
  )
}
