/**
 * Whom a resident asks about their data (the status page and the privacy notice): a sentence, and the data
 * protection officer's address as a mail link when the organisation gave one. An address reads left to right in
 * every language, also in Arabic.
 */
export function PrivacyContact({ text, email }: { text: string; email: string | null }) {
  return (
    <>
      <p className="mt-2">{text}</p>
      {email ? (
        <p className="mt-1">
          <a href={`mailto:${email}`} dir="ltr" className="break-all">
            {email}
          </a>
        </p>
      ) : null}
    </>
  )
}
