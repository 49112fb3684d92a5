import { sql } from 'drizzle-orm'
import { boolean, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { organisations } from './organisations'
import { referenceRegions } from './reference'
import { roles } from '#domain/values'

export const roleEnum = pgEnum('user_role', roles)

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: roleEnum('role').notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    // Null until the user sets a password through the reset link (accounts made by `user:create`).
    passwordHash: text('password_hash'),
    // Self-registered employers confirm their address before they can log in; others are made verified.
    emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }).defaultNow(),
    /** A coordinator of an OCMW, VDAB team or outreach partner manages that organisation's staff. */
    coordinator: boolean('coordinator').notNull().default(false),
    invitedByUserId: uuid('invited_by_user_id'),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('users_email_lower_idx').on(sql`lower(${t.email})`),
    index('users_organisation_idx').on(t.organisationId),
  ],
)

// Regional admins act only within their reference regions.
export const userRegions = pgTable(
  'user_regions',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    regionCode: text('region_code')
      .notNull()
      .references(() => referenceRegions.code),
  },
  (t) => [primaryKey({ columns: [t.userId, t.regionCode] })],
)

// Only a SHA-256 of each secret token is stored, so a database leak does not hand out sessions or tokens.
export const sessions = pgTable(
  'sessions',
  {
    idHash: text('id_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    authMethod: text('auth_method').notNull(), // 'password' today, 'oidc' later
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
)

export const passwordResetTokens = pgTable('password_reset_tokens', {
  tokenHash: text('token_hash').primaryKey(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
})

export const apiTokens = pgTable('api_tokens', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
})

// The login throttle (app/auth/login-throttle.server.ts), shared by every web process: one row per account and
// per client address that failed to log in lately. The key is a keyed hash, so the table names no address.
export const loginThrottles = pgTable('login_throttles', {
  key: text('key').primaryKey(),
  // Failures in a row (a guess being checked counts already, so parallel guesses cannot outrun the count).
  failures: integer('failures').notNull(),
  // No attempt is checked before this moment.
  blockedUntil: timestamp('blocked_until', { withTimezone: true }).notNull(),
  lastFailureAt: timestamp('last_failure_at', { withTimezone: true }).notNull(),
})
