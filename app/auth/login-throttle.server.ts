import { createHmac } from 'node:crypto'
import { db, type Tx } from '#db/client'
import { ACCOUNT_THROTTLE, ADDRESS_THROTTLE, claimLoginAttempt, clearLoginThrottle, releaseLoginAttempt } from '#db/queries/login-throttle'
import { sharedSecret } from '#db/queries/settings'

/**
 * The login throttle (issue 11, finding 7): per account and per client address, with policies and reasons in
 * db/queries/login-throttle.ts. Unknown addresses are throttled exactly as accounts are, so the answer tells
 * nobody which addresses have an account.
 */
export type LoginClaim = { allowed: false; retryAfterSeconds: number } | { allowed: true; ownerProven: () => Promise<void> }

let secret: Promise<string> | undefined
/** A keyed hash: the table recognises an account or an address without naming it. */
export async function throttleKey(kind: 'account' | 'address', value: string) {
  const key = await (secret ??= sharedSecret(db(), 'login_throttle_key'))
  return createHmac('sha256', key).update(`${kind}:${kind === 'account' ? value.trim().toLowerCase() : value}`).digest('base64url')
}

/**
 * Whether this attempt may be checked against the password. When it may, it counts as a failure already; call
 * `ownerProven` once the password was right, which forgets the account's failures and takes this one back.
 */
export async function claimLogin(email: string, ip: string): Promise<LoginClaim> {
  const [account, address] = await Promise.all([throttleKey('account', email), throttleKey('address', ip)])
  const byAddress = await claimLoginAttempt(db(), address, ADDRESS_THROTTLE)
  if (!byAddress.allowed) return byAddress
  const byAccount = await claimLoginAttempt(db(), account, ACCOUNT_THROTTLE)
  if (!byAccount.allowed) {
    // Never checked, so no guess from this address either.
    await releaseLoginAttempt(db(), address, ADDRESS_THROTTLE)
    return byAccount
  }
  return {
    allowed: true,
    ownerProven: async () => {
      await clearLoginThrottle(db(), account)
      await releaseLoginAttempt(db(), address, ADDRESS_THROTTLE)
    },
  }
}

/** A password reset proves the mailbox is the owner's: they may log in at once, whatever was guessed before. */
export async function forgetAccountFailures(tx: Tx, email: string) {
  await clearLoginThrottle(tx, await throttleKey('account', email))
}

/** "30 seconden", "1 minuut", "15 minuten": how long until the next try, for the message on the login page. */
export function waitInDutch(seconds: number) {
  if (seconds < 60) return `${seconds} ${seconds === 1 ? 'seconde' : 'seconden'}`
  const minutes = Math.ceil(seconds / 60)
  return `${minutes} ${minutes === 1 ? 'minuut' : 'minuten'}`
}
