import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireUserWithPermission } from '#app/auth/session.server'
import { db } from '#app/utils/db.server'
import { getOutboxMessage, requireDevOutbox } from '#emails/outbox.server'

/**
 * A mail's HTML on its own, for the sandboxed frame on /dev/outbox/ID. Its own response so that it gets its own
 * Content-Security-Policy (inline styles, nothing else: server/security-headers.ts); as srcdoc it would inherit
 * the page's, which refuses the style attributes mail HTML is made of.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  requireDevOutbox()
  await requireUserWithPermission(request, 'outbox:read')
  const message = await getOutboxMessage(db(), params.id ?? '')
  if (!message?.html) throw new Response('Deze e-mail bestaat niet (meer).', { status: 404 })
  return new Response(message.html, { headers: { 'Content-Type': 'text/html; charset=utf-8' } })
}
