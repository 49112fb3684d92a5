import { createApiToken } from '#app/auth/api-token.server'
import { emailSchema } from '#domain/password-policy'
import { findUserByEmail } from '#db/queries/users'
import { runCommand, UsageError } from './command'

// Prints only the token on stdout, so `TOKEN=$(npm run -s token:create -- a@b.be)` works.
await runCommand('npm run token:create -- EMAIL', {}, async ({ positionals, db }) => {
  if (positionals.length !== 1) throw new UsageError('Give exactly one EMAIL address.')
  const email = emailSchema.safeParse(positionals[0])
  if (!email.success) throw new UsageError(`"${positionals[0]}" is not a valid email address.`)
  const token = await db.transaction(async (tx) => {
    const user = await findUserByEmail(tx, email.data)
    if (!user || user.disabledAt) throw new UsageError(`There is no active user with email ${email.data}.`)
    return createApiToken(tx, user.id, 'cli')
  })
  process.stdout.write(`${token}\n`)
})
