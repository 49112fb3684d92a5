import fs from 'node:fs'
import path from 'node:path'

/** After a SIGKILL the server could not stop its embedded PostgreSQL: ask that one to quit (fast shutdown). */
export async function stopOrphanedPostgres(dataDir: string) {
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0)
      return true
    } catch {
      return false
    }
  }
  let pid: number
  try {
    pid = Number(fs.readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0])
  } catch {
    return // No lock file: no PostgreSQL left running.
  }
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) return
  process.kill(pid, 'SIGINT')
  for (let i = 0; i < 50 && alive(pid); i++) await delay(100)
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
