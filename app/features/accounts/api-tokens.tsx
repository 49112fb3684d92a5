import { Form } from '@remix-run/react'
import { formatDateTime } from '#app/utils/dates'

type Token = { id: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null }

/**
 * The user's own API keys: the new one shown once (only its digest is stored), the others with when they were last
 * used, so a forgotten key can be found and revoked.
 */
export function AccountApiTokens({ tokens, newToken, mayCreate }: { tokens: Token[]; newToken: string | null; mayCreate: boolean }) {
  const active = tokens.filter((t) => !t.revokedAt)
  return (
    <section className="mt-8 max-w-2xl" aria-labelledby="tokens-title">
      <h2 id="tokens-title">API-sleutels</h2>
      <p className="mt-2 text-slate-700">
        Met een API-sleutel zoekt een programma van uw organisatie plaatsen via de Stapsteen-API, in uw naam. Wie de sleutel heeft, kan dat ook: bewaar hem
        zoals een wachtwoord en trek hem in als u hem niet meer gebruikt.
      </p>
      {newToken ? (
        <div role="status" className="mt-4 rounded-md border border-brand-700 bg-brand-50 p-4">
          <p className="font-semibold">Uw nieuwe API-sleutel. Kopieer hem nu: u ziet hem hierna nooit meer.</p>
          <label htmlFor="new-token" className="mt-2 block">
            Sleutel
          </label>
          <input id="new-token" readOnly value={newToken} className="field-input font-mono text-sm" />
        </div>
      ) : null}
      {active.length > 0 ? (
        <ul className="mt-4 space-y-2">
          {active.map((token) => (
            <li key={token.id} className="card flex flex-wrap items-center justify-between gap-3">
              <span>
                Aangemaakt op {formatDateTime(token.createdAt)}, {token.lastUsedAt ? `laatst gebruikt ${formatDateTime(token.lastUsedAt)}` : 'nog nooit gebruikt'}
              </span>
              <Form method="post">
                <input type="hidden" name="tokenId" value={token.id} />
                <button type="submit" name="intent" value="token-revoke" className="btn-secondary">
                  Intrekken<span className="sr-only"> (sleutel van {formatDateTime(token.createdAt)})</span>
                </button>
              </Form>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-4">U hebt geen actieve API-sleutels.</p>
      )}
      {mayCreate ? (
        <Form method="post" className="mt-4">
          <button type="submit" name="intent" value="token-create" className="btn-primary">
            Nieuwe API-sleutel maken
          </button>
        </Form>
      ) : (
        <p className="mt-4 text-slate-700">Uw rol gebruikt de API niet, dus u kunt hier geen nieuwe sleutel maken.</p>
      )}
    </section>
  )
}
