import type { SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '#app/utils/parse-form'
import {
  json,
  MaxPartSizeExceededError,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from '@remix-run/node'
import type { Permission } from '#domain/permissions'
import { requireUserWithPermission } from '#app/auth/session.server'
import { type ImportReport, MAX_UPLOAD_MB, tooLarge, uploadSchema } from './placement-import'
import type { ImportRunSummary } from './import-run'
import { db } from '#db/client'
import { decodeUtf8, importPlacements, parseImportFile } from './import.server'
import { createImportRun, getOwnImportRun } from './runs.server'
import { importScopeFor } from './scope.server'
import { withToast } from '#app/utils/toast.server'

/**
 * Loader and action of the upload pages (employer: own enterprise number; admins: everything, or their
 * regions). Up to DIRECT_LIMIT records import during the request; a larger file becomes an import run that a
 * job works through, and the user goes to its page to follow the progress.
 */
const DIRECT_LIMIT = 200

export async function importPageLoader(request: Request, permission: Permission) {
  const user = await requireUserWithPermission(request, permission)
  return json({ canImport: (await importScopeFor(db(), user)) !== undefined })
}

/** The file from a multipart POST, or why there is none; the size limit is enforced while reading. */
async function readUpload(request: Request) {
  const uploadHandler = unstable_createMemoryUploadHandler({ maxPartSize: MAX_UPLOAD_MB * 1024 * 1024 })
  try {
    return { formData: await unstable_parseMultipartFormData(request, uploadHandler) }
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return { formData: new FormData(), error: tooLarge }
    // Not multipart at all (a hand-made request): as if no file was chosen.
    if (error instanceof TypeError) return { formData: new FormData() }
    throw error
  }
}

export async function importPageAction(request: Request, permission: Permission, basePath: string) {
  const user = await requireUserWithPermission(request, permission)
  const scope = await importScopeFor(db(), user)
  const upload = await readUpload(request)
  const submission = parseWithZod(upload.formData, { schema: uploadSchema })
  const answer = (result: SubmissionResult<string[]>, report: ImportReport | null = null) => json({ result, report }, { status: 400 })
  const refuse = (message: string) => answer(submission.reply({ fieldErrors: { file: [message] } }))
  if (upload.error) return refuse(upload.error)
  if (submission.status !== 'success') return answer(submission.reply())
  if (!scope) return refuse('Uw organisatie heeft nog geen ondernemingsnummer in Stapsteen. Vul het eerst in bij uw organisatiegegevens.')

  const file = submission.value.file
  const decoded = decodeUtf8(new Uint8Array(await file.arrayBuffer()))
  if (!decoded.ok) return refuse(decoded.reason)
  const parsed = parseImportFile(decoded.text, file.name)
  if (!parsed.ok) return refuse(parsed.line === null ? parsed.reason : `Regel ${parsed.line}: ${parsed.reason}`)
  if (parsed.records.length === 0) return refuse('Dit bestand bevat geen plaatsen.')

  if (parsed.records.length > DIRECT_LIMIT) {
    const run = { userId: user.id, organisationId: user.organisation.id, scope, fileName: file.name, content: decoded.text, total: parsed.records.length }
    const runId = await db().transaction((tx) => createImportRun(tx, run))
    throw redirect(`${basePath}/${runId}`)
  }
  const actor = { userId: user.id, organisationId: user.organisation.id, via: 'web' as const }
  const result = await importPlacements(db(), decoded.text, { fileName: file.name, actor, ...scope })
  if (!result.ok) {
    // A file error cannot happen here (the file was read above), but the type allows it.
    if (result.kind === 'file') return refuse(result.reason)
    return answer(submission.reply(), { fileName: file.name, errors: result.errors, warnings: result.warnings })
  }
  const kept = result.warnings.length > 0 ? ' Waar het bestand een werkgever anders noemt, is de eerste of al bekende naam behouden.' : ''
  throw redirect(basePath, await withToast({ kind: 'success', message: `${result.imported} nieuw, ${result.updated} bijgewerkt.${kept}` }))
}

export async function importRunLoader(request: Request, permission: Permission, runId: string | undefined) {
  const user = await requireUserWithPermission(request, permission)
  const run = await getOwnImportRun(db(), user.id, runId ?? '')
  if (!run) throw new Response('Deze import bestaat niet.', { status: 404 })
  const { fileName, status, total, done, imported, updated, report } = run
  return json({ run: { fileName, status, total, done, imported, updated, report } satisfies ImportRunSummary })
}
