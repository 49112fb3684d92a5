import { i18next } from '#app/i18next.server'
import type { TriageHandoverProps } from '#emails/templates/triage-handover'
import { type IntakeLanguage, textDirection } from '#domain/intake-languages'

/** The hand-over mail's texts in the resident's language, from the `handover` keys of the intake translations. */
export async function handoverMail(language: IntakeLanguage, organisation: string): Promise<TriageHandoverProps> {
  const t = await i18next.getFixedT(language, 'intake')
  return {
    lang: language,
    dir: textDirection(language),
    subject: t('handover.mailSubject', { organisation }),
    preview: t('handover.mailPreview', { organisation }),
    heading: t('handover.mailHeading'),
    paragraphs: [t('handover.mailHandledBy', { organisation }), t('handover.mailNext', { organisation }), t('handover.mailStatusPage')],
    footer: t('mail.footer'),
  }
}
