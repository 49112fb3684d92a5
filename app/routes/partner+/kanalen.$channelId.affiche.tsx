import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useHydrated } from 'remix-utils/use-hydrated'
import { requireUserWithPermission } from '#app/auth/session.server'
import { ErrorPage } from '#app/components/error-page'
import { LanguageName, PosterLanguagePicker } from '#app/features/intake/poster-language-picker'
import { posterContent } from '#app/features/intake/poster-content.server'
import { PosterSheet } from '#app/features/intake/poster-sheet'
import { isIntakeLanguage } from '#domain/intake-languages'
import { db } from '#app/utils/db.server'
import { publicBaseUrl } from '#app/utils/public-url.server'
import { getOwnChannel } from '#db/queries/intake-channels'

/** /partner/kanalen/:channelId/affiche?taal=ar — the printable A4 poster of one of the organisation's channels. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, 'intake:assist')
  const channel = await getOwnChannel(db(), user, params.channelId ?? '')
  if (!channel) throw new Response('Deze aanmeldlink bestaat niet, of hoort niet bij je organisatie.', { status: 404 })
  const asked = new URL(request.url).searchParams.get('taal')
  const language = isIntakeLanguage(asked) ? asked : channel.language
  const { url, texts, qrSvg } = await posterContent(channel, language, publicBaseUrl())
  return json({ channel: { name: channel.name }, language, url, texts, qrSvg })
}

export default function PosterPage() {
  const { channel, language, url, texts, qrSvg } = useLoaderData<typeof loader>()
  const hydrated = useHydrated()
  return (
    <>
      <div className="print:hidden">
        <p>
          <Link to="/partner/kanalen">← Alle aanmeldlinks</Link>
        </p>
        <h1 className="mt-2">Affiche: {channel.name}</h1>
        <p className="mt-2 max-w-3xl">
          Taal: <LanguageName language={language} />. De QR-code opent het aanmeldformulier in die taal. Inwoners kunnen in het formulier altijd
          een andere taal kiezen.
        </p>
        <div className="mt-4 flex flex-wrap items-center gap-4">
          <p className="max-w-2xl">
            <strong>Afdrukken:</strong> kies Afdrukken in je browser (Ctrl+P, op een Mac Cmd+P) en papierformaat A4. Alleen het affiche komt op
            papier.
          </p>
          {/* The button needs JavaScript; without it the browser's own print command does the same. */}
          {hydrated ? (
            <button type="button" className="btn-primary" onClick={() => window.print()}>
              Afdrukken
            </button>
          ) : null}
        </div>
        <div className="mt-6">
          <PosterLanguagePicker current={language} />
        </div>
      </div>
      <PosterSheet language={language} texts={texts} url={url} qrSvg={qrSvg} />
    </>
  )
}

export const meta: MetaFunction = () => [{ title: 'Affiche – Stapsteen' }]

export function ErrorBoundary() {
  return <ErrorPage />
}
