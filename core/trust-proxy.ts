import proxyAddr from 'proxy-addr'

/**
 * Which proxies in front of the portal may tell the client's address in X-Forwarded-For, in Express's own forms
 * (`app.set('trust proxy', …)`): `false` (none: the socket's address counts), a hop count, or the proxies'
 * addresses. The client address is then the rightmost X-Forwarded-For entry that was not added by a trusted
 * proxy: entries further left are whatever the client wrote.
 */
export type TrustProxy = false | number | string[]

/** Express's named ranges (proxy-addr): 127.0.0.1/8 and ::1; 169.254.0.0/16 and fe80::/10; 10/8, 172.16/12, 192.168/16 and fc00::/7. */
const NAMED_RANGES = 'loopback, linklocal, uniquelocal'

export const TRUST_PROXY_FORMS = `the number of proxies in front of the portal (1 for one reverse proxy) or their addresses, comma-separated (IP addresses, CIDR ranges such as 10.0.0.0/8, or ${NAMED_RANGES})`

/** The setting, or the reason it is refused (a phrase that follows "TRUST_PROXY must …"). */
export function parseTrustProxy(value: string): { ok: true; value: TrustProxy } | { ok: false; reason: string } {
  const v = value.trim().toLowerCase()
  if (v === 'false' || v === 'no' || v === '0') return { ok: true, value: false }
  // `true` makes Express trust every hop, so the leftmost entry, which the client writes, becomes its address.
  if (v === 'true' || v === 'yes') {
    return {
      ok: false,
      reason: `be ${TRUST_PROXY_FORMS}, not true: true trusts every X-Forwarded-For entry, so any client could choose its own address and slip past the login limit`,
    }
  }
  if (/^\d+$/.test(v)) return { ok: true, value: Number(v) }
  const addresses = v.split(',').map((part) => part.trim())
  try {
    // The very parser Express runs on this value: what passes here is what Express understands.
    proxyAddr.compile(addresses)
  } catch {
    return { ok: false, reason: `be false or ${TRUST_PROXY_FORMS}` }
  }
  return { ok: true, value: addresses }
}
