import { env } from '../../server/env'

/** The portal's address for links in emails: PUBLIC_URL when set, else the address this request came to. */
export const publicBaseUrl = (request: Request) => env().PUBLIC_URL ?? new URL(request.url).origin
