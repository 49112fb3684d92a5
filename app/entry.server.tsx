import { PassThrough } from 'node:stream'
import { type AppLoadContext, createReadableStreamFromReadable, type EntryContext, type HandleErrorFunction } from '@remix-run/node'
import { RemixServer } from '@remix-run/react'
import { createInstance } from 'i18next'
import Backend from 'i18next-fs-backend'
import { isbot } from 'isbot'
import { renderToPipeableStream } from 'react-dom/server'
import { I18nextProvider, initReactI18next } from 'react-i18next'
import { logger } from '#core/logger'
import { i18nConfig } from './i18n'
import { i18next, localesPath } from './i18next.server'
import { NonceProvider } from './utils/nonce'

const ABORT_DELAY = 5_000

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const instance = createInstance()
  await instance
    .use(initReactI18next)
    .use(Backend)
    .init({
      ...i18nConfig,
      lng: await i18next.getLocale(request),
      ns: i18next.getRouteNamespaces(remixContext),
      backend: { loadPath: localesPath },
    })

  // Crawlers and no-JS clients get the whole document at once.
  const ready = isbot(request.headers.get('user-agent')) ? 'onAllReady' : 'onShellReady'
  return new Promise<Response>((resolve, reject) => {
    let failed = false
    const { pipe, abort } = renderToPipeableStream(
      <I18nextProvider i18n={instance}>
        <NonceProvider value={loadContext.cspNonce}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} />
        </NonceProvider>
      </I18nextProvider>,
      {
        nonce: loadContext.cspNonce,
        [ready]: () => {
          const body = new PassThrough()
          responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: failed ? 500 : responseStatusCode,
            }),
          )
          pipe(body)
        },
        onShellError: reject,
        onError(error: unknown) {
          failed = true
          logger().error({ err: error, requestId: loadContext.requestId }, 'render failed')
        },
      },
    )
    setTimeout(abort, ABORT_DELAY + 1_000)
  })
}

/**
 * Loader and action errors that are not Responses: logged with the request's id, shown as a friendly 500. Not its
 * URL: that may hold a token; the request line with the same id names the route.
 */
export const handleError: HandleErrorFunction = (error, { request, context }) => {
  if (request.signal.aborted) return
  logger().error({ err: error, requestId: context.requestId, method: request.method }, 'request failed')
}
