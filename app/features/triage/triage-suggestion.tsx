import { type Destination, destinationLabels, labelOf } from '#domain/triage-labels'

type Reason = { rule: string; destination: string }

/** The suggested destination with every reason that led to it: the triage worker sees why, and decides. */
export function TriageSuggestion({ destination, reasons, headingLevel }: { destination: Destination; reasons: Reason[]; headingLevel?: 2 }) {
  const list = (
    <ul className="mt-1 list-disc pl-5">
      {reasons.map((reason) => (
        <li key={`${reason.rule}-${reason.destination}`}>
          {reason.rule} <span className="text-slate-700">(→ {labelOf(destinationLabels, reason.destination)})</span>
        </li>
      ))}
    </ul>
  )
  if (!headingLevel) {
    return (
      <>
        <strong>{destinationLabels[destination]}</strong>
        {list}
      </>
    )
  }
  return (
    <section aria-labelledby="suggestion-title" className="card mt-6 max-w-3xl">
      <h2 id="suggestion-title">Suggestie: {destinationLabels[destination]}</h2>
      <p className="mt-1">Waarom, volgens de regels van de regio:</p>
      {list}
      <p className="mt-2 text-slate-700">Dit is een voorstel. Jij beslist, samen met de inwoner.</p>
    </section>
  )
}
