import { statusLabels } from '#domain/placement-values'
import type { PlacementStatus } from '#domain/placement-lifecycle'
import { formatDateTime } from '#app/utils/dates'
import { ScrollTable } from '#app/components/scroll-table'

type Event = { at: string; from: PlacementStatus | null; to: PlacementStatus; note: string | null; actor: string | null }

/** Who moved the placement to which status, and when: oldest first, as the placement lived it. */
export function PlacementHistory({ events }: { events: Event[] }) {
  return (
    <section aria-labelledby="history-title" className="mt-10 max-w-3xl">
      <h2 id="history-title">Geschiedenis</h2>
      <ScrollTable id="placement-history-caption" caption="Statuswijzigingen van deze plaats, oudste eerst" headings={['Wanneer', 'Wie', 'Status', 'Opmerking']} className="mt-3">
        {events.map((e, index) => (
          <tr key={index} className="border-b border-slate-200">
            <td className="py-2 pr-4">{formatDateTime(e.at)}</td>
            <td className="py-2 pr-4">{e.actor ?? 'Stapsteen'}</td>
            <td className="py-2 pr-4">
              {e.from ? `${statusLabels[e.from].label} → ` : ''}
              {statusLabels[e.to].label}
            </td>
            <td className="py-2">{e.note ?? ''}</td>
          </tr>
        ))}
      </ScrollTable>
    </section>
  )
}
