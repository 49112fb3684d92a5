import { digest, newSecret } from '../app/auth/crypto.server'
import { emailSchema } from '../app/auth/password-policy'
import { audit } from '../db/queries/audit'
import { insertApiToken } from '../db/queries/auth'
import { findUserByEmail } from '../db/queries/users'
import { runCommand, UsageError } from './command'

// Prints only the token on stdout, so `TOKEN=$(npm run -s token:create -- a@b.be)` works.
await runCommand('npm run token:create -- EMAIL', {}, async ({ positionals, db }) => {
  if (positionals.length !== 1) throw new UsageError('Give exactly one EMAIL address.')
  const email = emailSchema.safeParse(positionals[0])
  if (!email.success) throw new UsageError(`"${positionals[0]}" is not a valid email address.`)
  const token = `stp_${newSecret()}`
  await db.transaction(async (tx) => {
    const user = await findUserByEmail(tx, email.data)
    if (!user || user.disabledAt) throw new UsageError(`There is no active user with email ${email.data}.`)
    await insertApiToken(tx, digest(token), user.id)
    await audit(tx, { actorUserId: null, action: 'api-token.create', subjectType: 'user', subjectId: user.id, details: { via: 'cli' } })
  })
  process.stdout.write(`${token}\n`)
})
