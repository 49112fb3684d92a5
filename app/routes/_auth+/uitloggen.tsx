import type { ActionFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { signOut } from '#app/auth/session.server'

// Logging out changes state, so it is a POST (the header's button); a GET just goes home.
export const loader = () => redirect('/')

export async function action({ request }: ActionFunctionArgs) {
  return signOut(request, '/')
}
