import { type PlacementStatus } from '#domain/placement-lifecycle'
import { statusLabels } from '#domain/placement-values'

const isStatus = (value: string): value is PlacementStatus => Object.hasOwn(statusLabels, value)

/** `?status=…` of the employer's list and its CSV; anything else means "all statuses". */
export function parseStatusFilter(params: URLSearchParams): PlacementStatus | undefined {
  const value = params.get('status') ?? ''
  return isStatus(value) ? value : undefined
}

/** The status select of a GET form: works without JavaScript, and the address can be shared or bookmarked. */
export function PlacementStatusFilter({ value }: { value: PlacementStatus | undefined | null }) {
  return (
    <div className="flex flex-wrap items-end gap-3">
      <div>
        <label htmlFor="status-filter" className="field-label">
          Status
        </label>
        <select id="status-filter" name="status" defaultValue={value ?? ''} className="field-input">
          <option value="">Alle statussen</option>
          {(Object.keys(statusLabels) as PlacementStatus[]).map((status) => (
            <option key={status} value={status}>
              {statusLabels[status].label}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="btn-secondary">
        Toon
      </button>
    </div>
  )
}
