import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { Transform } from 'node:stream'
import { BackupError } from './errors'

const entriesOf = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir) : [])
const listed = (entries: string[]) => (entries.length > 3 ? `${entries.slice(0, 3).join(', ')} and ${entries.length - 3} more` : entries.join(', '))

/** A backup goes into a new or empty folder, so it never mixes with (or silently replaces) an earlier one. */
export function assertUsableBackupDir(dir: string) {
  if (!fs.existsSync(dir)) return
  if (!fs.statSync(dir).isDirectory()) throw new BackupError(`${dir} is a file; give a new or empty folder for the backup.`, true)
  const entries = entriesOf(dir)
  if (entries.length > 0) throw new BackupError(`The backup folder ${dir} is not empty (it holds ${listed(entries)}); give a new or empty folder.`, true)
}

/** The backup holds password hashes and cookie secrets: only its owner may read it. Returns whether it was created. */
export function createBackupDir(dir: string): boolean {
  const created = !fs.existsSync(dir)
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 })
  fs.chmodSync(dir, 0o700)
  return created
}

/** Restore never overwrites: a DATA_DIR with anything in it may hold a database someone still needs. */
export function assertEmptyDataDir(dataDir: string) {
  if (!fs.existsSync(dataDir)) return
  if (!fs.statSync(dataDir).isDirectory()) throw new BackupError(`DATA_DIR ${dataDir} is a file; restore into a new or empty DATA_DIR.`)
  const entries = entriesOf(dataDir)
  if (entries.length > 0) {
    throw new BackupError(`DATA_DIR ${dataDir} is not empty (it holds ${listed(entries)}); restore only into a new or empty DATA_DIR, so no database is overwritten.`)
  }
}

/** Removes everything in a folder that was empty before (and the folder itself when it did not exist). */
export function emptyDirectory(dir: string, removeItself: boolean) {
  if (removeItself) return fs.rmSync(dir, { recursive: true, force: true })
  for (const entry of entriesOf(dir)) fs.rmSync(path.join(dir, entry), { recursive: true, force: true })
}

/** Passes bytes through while counting them and hashing them (sha256), for the manifest. */
export function measure() {
  const hash = createHash('sha256')
  let bytes = 0
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk)
      bytes += chunk.length
      callback(null, chunk)
    },
  })
  return { stream, result: () => ({ bytes, sha256: hash.digest('hex') }) }
}

export async function sha256OfFile(file: string) {
  const hash = createHash('sha256')
  let bytes = 0
  for await (const chunk of fs.createReadStream(file) as AsyncIterable<Buffer>) {
    hash.update(chunk)
    bytes += chunk.length
  }
  return { bytes, sha256: hash.digest('hex') }
}

/** Flushes a file or folder to disk: a backup that is only in the page cache is lost with the machine. */
export async function syncToDisk(file: string) {
  const handle = await fs.promises.open(file, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}
