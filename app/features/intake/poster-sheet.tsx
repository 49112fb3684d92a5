import { type IntakeLanguage, textDirection } from '#domain/intake-languages'

/** The public address of a channel; with a language, the form opens in that language instead of the channel's. */
export function channelLink(baseUrl: string, code: string, language?: IntakeLanguage) {
  const url = new URL(`/aanmelden/k/${encodeURIComponent(code)}`, baseUrl)
  if (language) url.searchParams.set('lng', language)
  return url.href
}

export type PosterTexts = { title: string; situation: string; contact: string; help: string; scan: string; qrLabel: string }

/**
 * The A4 poster of an outreach channel, in the resident's language (lang and dir on the poster itself, the page
 * around it stays Dutch). The QR code is an inline SVG made on the server; its accessible name carries the link.
 * How it prints (alone, on one A4 sheet) is in app/tailwind.css, under `.poster-sheet`.
 */
export function PosterSheet({ language, texts, url, qrSvg }: { language: IntakeLanguage; texts: PosterTexts; url: string; qrSvg: string }) {
  return (
    <article
      lang={language}
      dir={textDirection(language)}
      data-testid="poster"
      className="poster-sheet mx-auto mt-6 flex w-full max-w-[210mm] flex-col items-center gap-5 border border-slate-400 bg-white px-6 py-10 text-center text-slate-950 shadow-md sm:min-h-[297mm] sm:px-12"
    >
      <h2 className="text-4xl font-bold leading-tight sm:text-5xl">{texts.title}</h2>
      <div className="flex max-w-[160mm] flex-col gap-3 text-xl leading-snug sm:text-2xl">
        <p>{texts.situation}</p>
        <p>{texts.contact}</p>
        <p>{texts.help}</p>
      </div>
      <div role="img" aria-label={texts.qrLabel} className="w-3/4 max-w-[110mm] [&_svg]:h-auto [&_svg]:w-full" dangerouslySetInnerHTML={{ __html: qrSvg }} />
      <div className="max-w-full">
        <p className="text-xl sm:text-2xl">{texts.scan}</p>
        {/* A web address reads left to right, also on an Arabic poster. */}
        <p dir="ltr" data-testid="poster-url" className="mt-2 break-all font-mono text-2xl font-bold sm:text-3xl">
          {url}
        </p>
      </div>
    </article>
  )
}
