/** The shapes the import library shares with the CLI, the upload pages and the import job. */

/** One line of the report: `record K: FIELD: REASON`. K is the position in a JSON array, else the line number. */
export type ImportIssue = { record: number; field: string; reason: string }

/** Who imports, for the placement history and the audit log. A CLI import has no user. */
export type ImportActor = { userId: string | null; organisationId: string | null; via: 'cli' | 'web' }

/**
 * Which records the actor may import, taken from the session: an employer only its own enterprise number, a
 * regional admin only placements in its reference regions. Nothing set: everything (platform admin, CLI).
 */
export type ImportScope = { onlyEnterpriseNumber?: string; regionCodes?: string[] }

export type ImportOptions = ImportScope & {
  fileName: string
  actor: ImportActor
  /** Called while the records are written: `done` of `total` records processed. */
  onProgress?: (done: number, total: number) => void | Promise<void>
}

export type ImportSuccess = {
  ok: true
  imported: number
  updated: number
  unchanged: number
  employersCreated: number
  /** Things the import did differently from the file without refusing it (another name for a known employer). */
  warnings: ImportIssue[]
}

export type ImportFailure =
  | { ok: false; kind: 'file'; line: number | null; reason: string }
  | { ok: false; kind: 'records'; errors: ImportIssue[]; warnings: ImportIssue[] }

export type ImportResult = ImportSuccess | ImportFailure
