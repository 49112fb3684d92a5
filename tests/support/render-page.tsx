import fs from 'node:fs'
import path from 'node:path'
import type { ActionFunction, LoaderFunction } from '@remix-run/node'
import i18next from 'i18next'
import { type ComponentType, createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { I18nextProvider, initReactI18next } from 'react-i18next'
import { Outlet } from 'react-router-dom'
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router-dom/server'
import { i18nConfig } from '#app/i18n'

type RouteModule = { loader: LoaderFunction; action: ActionFunction; default: ComponentType }

/** The message catalogues of one language, as the server's i18next backend loads them. */
function catalogues(language: string) {
  const dir = path.join('public/locales', language)
  const namespaces = fs.readdirSync(dir).map((file) => [path.basename(file, '.json'), JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'))])
  return Object.fromEntries(namespaces)
}

/**
 * A page as the server sends it to a browser without JavaScript after a form on it was posted: the route's own
 * action runs on `request`, then its loader, then its component renders with both answers. React Router's static
 * handler does what Remix's server does underneath; a stand-in root route gives the page its language (the
 * intake's) and the i18next texts of that language. Only the route's markup, not the document around it.
 */
export async function renderAfterPost(route: RouteModule, pattern: string, request: Request, options: { locale?: string; clientIp?: string } = {}) {
  const locale = options.locale ?? 'nl'
  const routes = [
    {
      id: 'root',
      path: '/',
      loader: () => ({ locale }),
      element: createElement(Outlet),
      // Remix types the load context as always there; React Router hands over `requestContext` (below) as it.
      children: [{ id: 'page', path: pattern, loader: route.loader as never, action: route.action as never, element: createElement(route.default) }],
    },
  ]
  const handler = createStaticHandler(routes)
  const context = await handler.query(request, { requestContext: { requestId: 'test', clientIp: options.clientIp ?? '127.0.0.1' } })
  if (context instanceof Response) throw new Error(`The page answered ${context.status} ${context.headers.get('Location') ?? ''}`)
  if (context.errors) throw new Error(`The page failed: ${JSON.stringify(context.errors)}`)
  const instance = i18next.createInstance()
  await instance.use(initReactI18next).init({ ...i18nConfig, lng: locale, resources: { nl: catalogues('nl'), [locale]: catalogues(locale) } })
  const page = createElement(StaticRouterProvider, { router: createStaticRouter(handler.dataRoutes, context), context, hydrate: false })
  return { status: context.statusCode, html: renderToStaticMarkup(createElement(I18nextProvider, { i18n: instance }, page)) }
}

/** The error summary of a page: the focusable section its heading names. */
export const errorSummaryIn = (html: string) => html.match(/<section tabindex="-1"[^>]*aria-labelledby="([^"]+)"[^>]*><h2 id="\1"[^>]*>.*?<\/section>/s)?.[0]

/** The summary's links: where each leads and what it says. */
export const summaryLinks = (summary: string) => [...summary.matchAll(/<a href="#([^"]+)"[^>]*>([^<]*)<\/a>/g)].map((m) => ({ target: m[1]!, text: m[2]! }))
