import type { Response } from 'express'

/**
 * A plain-text refusal before a route runs. No `Connection: close`: Node would then reset the connection while
 * the client is still sending, and a browser would show a reset instead of this answer. Node reads what is still
 * coming and throws it away (nothing is kept) until the client stops or the server's request timeout ends it.
 */
export const refuse = (res: Response, status: number, message: string) => res.status(status).type('text/plain; charset=utf-8').send(message)
