import { Link } from '@remix-run/react'
import { ScrollTable } from '#app/components/scroll-table'
import { type MappingStatus, mappingStatusLabels, type VocabularyKind, vocabularyKindLabels } from '#domain/search-terms'

type Term = { term: string; noResults: number; refined: number; total: number; lastDay: string }

/** The counted terms, most frequent first; a regional admin's "Koppel" fills the proposal form below. */
export function TermTable({ terms, canPropose }: { terms: Term[]; canPropose: boolean }) {
  if (terms.length === 0) return <p className="mt-2">Er zijn de voorbije 90 dagen geen zoektermen zonder resultaat geteld.</p>
  return (
    <ScrollTable
      id="termen-tabel"
      caption="Zoektermen zonder resultaat, de vaakste eerst"
      headings={['Zoekterm', 'Zonder resultaat', 'Meteen verbeterd', 'Laatst', ...(canPropose ? ['Actie'] : [])]}
    >
      {terms.map((t) => (
        <tr key={t.term} className="border-b border-slate-200">
          <td className="py-2 pr-4">{t.term}</td>
          <td className="py-2 pr-4">{t.noResults}</td>
          <td className="py-2 pr-4">{t.refined}</td>
          <td className="py-2 pr-4">{t.lastDay}</td>
          {canPropose ? (
            <td className="py-2 pr-4">
              <Link to={`?term=${encodeURIComponent(t.term)}#voorstel`} aria-label={`Koppel "${t.term}" aan een beroep`}>
                Koppel
              </Link>
            </td>
          ) : null}
        </tr>
      ))}
    </ScrollTable>
  )
}

export type MappingRow = {
  id: string
  term: string
  kind: VocabularyKind
  occupationLabel: string | null
  note: string
  status: MappingStatus
  proposedBy: string | null
  proposedAt: string
  decidedBy: string | null
  decidedAt: string | null
  decisionReason: string | null
}

const when = (iso: string) => new Date(iso).toLocaleString('nl-BE', { timeZone: 'Europe/Brussels', dateStyle: 'short', timeStyle: 'short' })

/** One proposal with its history: who proposed it and when, who decided what and why. */
export function MappingSummary({ mapping }: { mapping: MappingRow }) {
  return (
    <>
      <p>
        <strong>{mapping.term}</strong> → {mapping.occupationLabel ?? 'beroep niet meer in ESCO'} ({vocabularyKindLabels[mapping.kind]}) —{' '}
        <span className="font-medium">{mappingStatusLabels[mapping.status]}</span>
      </p>
      <p className="text-sm text-slate-700">{mapping.note}</p>
      <p className="text-sm text-slate-700">
        Voorgesteld door {mapping.proposedBy ?? 'een verwijderde gebruiker'} op {when(mapping.proposedAt)}
        {mapping.decidedAt ? `; ${mappingStatusLabels[mapping.status].toLowerCase()} door ${mapping.decidedBy ?? 'een verwijderde gebruiker'} op ${when(mapping.decidedAt)}` : ''}
        {mapping.decisionReason ? `: ${mapping.decisionReason}` : ''}
      </p>
    </>
  )
}
