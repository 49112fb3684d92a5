import { spawn } from 'node:child_process'
import path from 'node:path'
import { expect } from 'vitest'
import { testDatabaseUrl } from './database'

export type CommandResult = { code: number | null; stdout: string; stderr: string }

const root = path.resolve(import.meta.dirname, '../..')

/**
 * Runs a command as an operator does (`npm run user:create -- …` is exactly this node invocation), against this
 * test file's database through DATABASE_URL, never a Meilisearch the shell may point at.
 */
export function runCommand(script: string, args: string[] = [], env: Record<string, string> = {}): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: testDatabaseUrl, MEILISEARCH_URL: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

/** What a person reads on stderr: the lines that are not the usage reminder. */
export const messageLines = (stderr: string) =>
  stderr
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('Usage: '))

/** A mistake by the caller: exit 2, one sentence, no stack trace, nothing on stdout. */
export function expectUsageError(result: CommandResult, message: RegExp) {
  expect(result.code, result.stderr).toBe(2)
  const lines = messageLines(result.stderr)
  expect(lines, result.stderr).toHaveLength(1)
  expect(lines[0]).toMatch(message)
  expect(result.stderr).not.toMatch(/^\s+at /m)
  expect(result.stderr).not.toMatch(/Error:|\.ts:\d+/)
  expect(result.stdout).toBe('')
}

