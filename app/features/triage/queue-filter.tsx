import type { QueueFilter } from '#domain/triage-forms'
import { type IntakeStatus, intakeStatusLabels } from '#domain/triage-labels'

const options: { value: QueueFilter; label: string }[] = [
  { value: 'open', label: 'Alles wat nog open is' },
  ...(Object.keys(intakeStatusLabels) as IntakeStatus[]).map((status) => ({ value: status, label: intakeStatusLabels[status] })),
  { value: 'all', label: 'Alle statussen' },
]

/** The status filter of the queue (a GET form: works without JavaScript, the address can be bookmarked) and its CSV. */
export function TriageQueueFilter({ value }: { value: QueueFilter }) {
  return (
    <div className="flex flex-wrap items-end gap-3">
      <div>
        <label htmlFor="status-filter" className="field-label">
          Status
        </label>
        <select id="status-filter" name="status" defaultValue={value} className="field-input bg-white">
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="btn-secondary">
        Toon
      </button>
      <a href={`/triage/aanmeldingen.csv?status=${value}`} className="btn-secondary" download>
        Download als CSV
      </a>
    </div>
  )
}
