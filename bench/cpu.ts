import fs from 'node:fs'
import path from 'node:path'

/**
 * CPU time the server process and PostgreSQL spend (Linux /proc), so the latency benchmark can say what a request
 * costs the machine, whatever else runs on it: on 2 cores, 20 clients that each wait for their answer get about
 * 20 × cost / 2 milliseconds of latency. Elsewhere (no /proc, an external database) the figures are left out.
 */
export type CpuSnapshot = { server: number; postgres: number } | null

const TICK_MS = 10 // USER_HZ is 100 on Linux

function processTicks(pid: number): number {
  try {
    // Fields after the ")" of the command name: state is 0, utime 11, stime 12.
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
    return Number(fields[11]) + Number(fields[12])
  } catch {
    return 0
  }
}

/** The postmaster of an embedded PostgreSQL under DATA_DIR and every process it started (backends, workers). */
function postgresTicks(dataDir: string | undefined): number | null {
  if (!dataDir) return null
  let postmaster: number
  try {
    postmaster = Number(fs.readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0])
  } catch {
    return null
  }
  let ticks = processTicks(postmaster)
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ')
      if (Number(stat[1]) === postmaster) ticks += Number(stat[11]) + Number(stat[12])
    } catch {
      // The process ended while we looked.
    }
  }
  return ticks
}

export function cpuSnapshot(serverPid: number | undefined, dataDir: string | undefined): CpuSnapshot {
  if (process.platform !== 'linux' || !serverPid) return null
  const postgres = postgresTicks(dataDir)
  return postgres === null ? null : { server: processTicks(serverPid) * TICK_MS, postgres: postgres * TICK_MS }
}

/** Milliseconds of CPU per request between two snapshots. */
export function cpuPerRequest(before: CpuSnapshot, after: CpuSnapshot, requests: number) {
  if (!before || !after || requests === 0) return null
  return { server: (after.server - before.server) / requests, postgres: (after.postgres - before.postgres) / requests }
}
