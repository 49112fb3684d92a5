import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

/**
 * The load test's own Stapsteen server for the crash run: started as `npm start` starts it (after `remix build`),
 * on a DATA_DIR of its own, and killed without warning (SIGKILL: no shutdown code runs).
 */
export class ServerProcess {
  private child: ChildProcess | undefined
  constructor(
    readonly port: number,
    readonly dataDir: string,
  ) {}

  get base() {
    return `http://localhost:${this.port}`
  }

  /** Starts the server and waits until /readyz answers 200; answers how long that took (ms). */
  async start() {
    if (!fs.existsSync('build/index.js')) throw new Error('No build/: run `npx remix build` first.')
    const started = Date.now()
    const log = fs.openSync(path.join(this.dataDir, 'server.log'), 'a')
    const env = { ...process.env, PORT: String(this.port), DATA_DIR: this.dataDir, TRUST_PROXY: '1', NODE_ENV: 'production' as const, LOG_LEVEL: 'warn' }
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], { env, stdio: ['ignore', log, log] })
    this.child = child
    fs.closeSync(log)
    let exited = false
    child.once('exit', () => (exited = true))
    while (!(await this.ready())) {
      if (exited) throw new Error(`The server stopped while starting; see ${path.join(this.dataDir, 'server.log')}`)
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
    return Date.now() - started
  }

  /** kill -9 of the web server; with `database`, of the embedded PostgreSQL's postmaster too (a power cut). */
  kill(options: { database: boolean }) {
    this.child?.kill('SIGKILL')
    if (!options.database) return
    const [pid] = fs.readFileSync(path.join(this.dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')
    process.kill(Number(pid), 'SIGKILL')
  }

  /** A normal stop (SIGTERM: the server stops its database too). */
  async stop() {
    const child = this.child
    if (!child || child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    await exited
  }

  private async ready() {
    try {
      return (await fetch(`${this.base}/readyz`)).status === 200
    } catch {
      return false
    }
  }
}
