import type { contactMethods } from '#domain/values'
import { formatIntakeDate, type IntakeLanguage } from '#domain/intake-languages'
import { workingDaysBetween } from '#domain/intake-working-days'

/**
 * "What happens next", in the person's language: the same sentences on the confirmation page, in the mail and
 * on the status page. `t` is the `intake` namespace's translate function (server or browser).
 */
export type Translate = (key: string, options?: Record<string, string | number>) => string

export type ContactView = {
  ocmwName: string | null
  vdabName: string | null
  contactMethod: (typeof contactMethods)[number]
  phone: string | null
  email: string | null
  helperName: string | null
}

/** Who will get in touch: both organisations while the intake is in both queues, else the one known. */
export function whoWillContact(t: Translate, view: Pick<ContactView, 'ocmwName' | 'vdabName'>) {
  const { ocmwName, vdabName } = view
  if (ocmwName && vdabName) return t('next.whoBoth', { ocmw: ocmwName, vdab: vdabName })
  return ocmwName ?? vdabName ?? t('next.whoUnknown')
}

export function nextStepsText(t: Translate, view: ContactView, dates: { submittedOn: string; dueOn: string }, language: IntakeLanguage) {
  return t('next.within', {
    who: whoWillContact(t, view),
    // `count` picks the plural form of "working days" in each language.
    count: workingDaysBetween(dates.submittedOn, dates.dueOn),
    date: formatIntakeDate(dates.dueOn, language),
  })
}

/** How they will get in touch, with the number or address the resident gave. */
export function contactWayText(t: Translate, view: ContactView) {
  if (view.contactMethod === 'phone') return t('next.byPhone', { phone: view.phone ?? '' })
  if (view.contactMethod === 'email') return t('next.byEmail', { email: view.email ?? '' })
  return t('next.byOrganisation', { organisation: view.helperName ?? t('next.helperUnknown') })
}

/**
 * That the confirmation mail went out, naming the address once: when the contact way already said it ("you will
 * get an e-mail at …"), this sentence only adds that the confirmation went there. Null without an address.
 */
export function confirmationMailText(t: Translate, view: Pick<ContactView, 'contactMethod' | 'email'>) {
  if (!view.email) return null
  return view.contactMethod === 'email' ? t('done.mailSentSameAddress') : t('done.mailSent', { email: view.email })
}
