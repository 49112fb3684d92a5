/**
 * How the audit viewer and its CSV put log entries into words: Dutch names for actions, subjects and detail
 * fields. An action or field without a name here is shown as it is stored, so nothing is ever hidden.
 */
export const subjectTypeLabels: Record<string, string> = {
  intake: 'Aanmelding van een inwoner',
  client: 'Cliënt',
  proposal: 'Voorstel',
  user: 'Gebruiker',
  organisation: 'Organisatie',
  employer_site: 'Vestiging van een werkgever',
  placement: 'Werkervaringsplaats',
  'placement-import': 'Import van plaatsen',
  compensation_version: 'Vergoedingsschema',
  'intake-channel': 'Aanmeldlink',
  'audit-log': 'Auditlog',
  search_term_mapping: 'Koppeling van een zoekterm',
}

export const actionLabels: Record<string, string> = {
  'search_term_mapping.proposed': 'Koppeling van een zoekterm voorgesteld',
  'search_term_mapping.accepted': 'Koppeling van een zoekterm aanvaard',
  'search_term_mapping.rejected': 'Koppeling van een zoekterm afgewezen',
  'intake.submitted': 'Aanmelding ontvangen',
  'intake.list': 'Wachtrij bekeken',
  'intake.read': 'Aanmelding ingekeken',
  'intake.status': 'Status van een aanmelding gewijzigd',
  'intake.assign': 'Aanmelding toegewezen',
  'intake.release': 'Aanmelding vrijgegeven',
  'intake.note': 'Notitie toegevoegd',
  'intake.refer': 'Doorverwezen',
  'intake.referral-accept': 'Doorverwijzing aanvaard',
  'intake.referral-decline': 'Doorverwijzing geweigerd',
  'intake.referral-export': 'Dossier van een doorverwijzing geëxporteerd',
  'intake.merge': 'Dubbele aanmeldingen samengevoegd',
  'intake.contact-corrected': 'Contactgegevens verbeterd door de inwoner',
  'intake.consent-withdrawn': 'Toestemming ingetrokken door de inwoner',
  'intake.erasure-requested': 'Wissen gevraagd door de inwoner',
  'intake.erase': 'Aanmelding gewist',
  'intake.anonymise': 'Aanmeldingen geanonimiseerd',
  'intake-channel.create': 'Aanmeldlink gemaakt',
  'intake-channel.rename': 'Aanmeldlink hernoemd',
  'client.read': 'Cliënt ingekeken',
  'client.create': 'Cliënt aangemaakt',
  'client.update': 'Cliënt gewijzigd',
  'proposal.create': 'Voorstel gedaan',
  'proposal.withdraw': 'Voorstel ingetrokken',
  'proposal.accept': 'Voorstel aanvaard',
  'proposal.decline': 'Voorstel geweigerd',
  'session.start': 'Ingelogd',
  'session.end': 'Uitgelogd',
  'session.revoke-others': 'Andere sessies afgesloten',
  'password.reset-requested': 'Nieuw wachtwoord aangevraagd',
  'password.reset': 'Wachtwoord gewijzigd',
  'user.password-change': 'Eigen wachtwoord gewijzigd op Mijn account',
  'user.create': 'Gebruiker aangemaakt',
  'user.invite': 'Gebruiker uitgenodigd',
  'user.invite-resend': 'Uitnodiging opnieuw verstuurd',
  'user.update': 'Rol van een gebruiker gewijzigd',
  'user.deactivate': 'Gebruiker gedeactiveerd',
  'user.reactivate': 'Gebruiker opnieuw geactiveerd',
  'user.email-confirmed': 'E-mailadres bevestigd',
  'user.email-confirmation-resent': 'Bevestigingsmail opnieuw verstuurd',
  'user.registration-attempted': 'Registratie geprobeerd met een bestaand e-mailadres',
  'api-token.create': 'API-sleutel aangemaakt',
  'employer.registered': 'Werkgever geregistreerd',
  'employer.verified': 'Werkgever goedgekeurd',
  'employer.rejected': 'Werkgever geweigerd',
  'employer.profile-updated': 'Werkgeversgegevens gewijzigd',
  'employer.site-added': 'Vestiging toegevoegd',
  'employer.site-updated': 'Vestiging gewijzigd',
  'employer.site-removed': 'Vestiging verwijderd',
  'placement.create': 'Plaats aangemaakt',
  'placement.update': 'Plaats gewijzigd',
  'placement.status': 'Status van een plaats gewijzigd',
  'placement.import': 'Plaatsen geïmporteerd',
  'compensation.version-created': 'Vergoedingsschema toegevoegd',
  'audit.export': 'Auditlog gedownload',
  'organisation.create': 'Organisatie aangemaakt',
  'organisation.update': 'Organisatie gewijzigd',
  'organisation.deactivate': 'Organisatie gedeactiveerd',
  'organisation.reactivate': 'Organisatie opnieuw geactiveerd',
}

const detailLabels: Record<string, string> = {
  purpose: 'doel',
  access: 'toegang',
  from: 'van',
  to: 'naar',
  changed: 'gewijzigd',
  fields: 'velden',
  ids: 'getoond',
  filter: 'filter',
  filters: 'filters',
  count: 'aantal',
  months: 'maanden',
  reason: 'reden',
  via: 'via',
  authMethod: 'inlogmethode',
  role: 'rol',
  coordinator: 'coördinator',
  regions: "regio's",
  sessions: 'sessies beëindigd',
  apiTokens: 'API-sleutels ingetrokken',
  assisted: 'begeleid',
  channelId: 'aanmeldlink',
  suggestedDestination: 'voorgestelde bestemming',
  confidential: 'vertrouwelijk',
  noteId: 'notitie',
  referralId: 'doorverwijzing',
  channel: 'kanaal',
  toOrganisationId: 'naar organisatie',
  assigneeId: 'toegewezen aan',
  merged: 'samengevoegd met',
  reference: 'referentie',
  enterpriseNumber: 'ondernemingsnummer',
  sites: 'vestigingen',
  publishedPlacements: 'gepubliceerde plaatsen',
  title: 'titel',
  clientId: 'cliënt',
  placementId: 'plaats',
  shared: 'gedeeld',
  placesLeft: 'plaatsen over',
  fileName: 'bestand',
  records: 'records',
  regionCode: 'regio',
  validFrom: 'geldig vanaf',
  rules: 'regels',
  notified: 'verwittigd',
  language: 'taal',
  rows: 'regels',
  slug: 'slug',
  name: 'naam',
  type: 'soort',
  municipalities: 'gemeenten',
  added: 'toegevoegd',
  removed: 'weggehaald',
  staff: 'medewerkers',
  openIntakes: 'open aanmeldingen',
}

// PostgreSQL's jsonb keeps keys in its own order (short keys first); ours reads better ("van … naar …").
const detailOrder = Object.keys(detailLabels)
const detailRank = (key: string) => {
  const rank = detailOrder.indexOf(key)
  return rank === -1 ? detailOrder.length : rank
}

export const actionLabel = (action: string) => actionLabels[action] ?? action
export const subjectTypeLabel = (type: string) => subjectTypeLabels[type] ?? type

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const number = new Intl.NumberFormat('nl-BE')
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text)

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return '–'
  if (typeof value === 'boolean') return value ? 'ja' : 'nee'
  if (typeof value === 'number') return number.format(value)
  // An id is for looking up, not for reading: its start is enough to recognise it.
  if (typeof value === 'string') return UUID.test(value) ? `${value.slice(0, 8)}…` : clip(value, 60)
  if (Array.isArray(value)) {
    if (value.length === 0) return 'geen'
    if (value.length > 5 || value.some((item) => typeof item === 'object' && item !== null)) return `${number.format(value.length)} stuks`
    return value.map(describeValue).join(', ')
  }
  return Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([key, v]) => `${detailLabels[key] ?? key} ${describeValue(v)}`)
    .join(', ')
}

/** "doel view; gewijzigd naam, telefoon": the details of an entry in one short line. */
export function summariseDetails(details: Record<string, unknown> | null | undefined): string {
  if (!details) return ''
  const parts = Object.entries(details)
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => detailRank(a) - detailRank(b) || a.localeCompare(b))
    .map(([key, value]) => `${detailLabels[key] ?? key}: ${describeValue(value)}`)
  return clip(parts.join('; '), 200)
}

const moment = new Intl.DateTimeFormat('nl-BE', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'Europe/Brussels' })

type Entry = {
  id: number
  at: Date
  action: string
  subjectType: string
  subjectId: string | null
  details: Record<string, unknown> | null
  actorName: string | null
  actorOrganisation: string | null
  organisation: string | null
}

/** An entry as the viewer and the CSV show it: who, when, what and a readable summary of the details. */
export function auditRow(entry: Entry) {
  return {
    id: entry.id,
    at: entry.at.toISOString(),
    when: moment.format(entry.at),
    who: entry.actorName ?? 'Geen gebruiker (inwoner of systeem)',
    whoOrganisation: entry.actorName ? (entry.actorOrganisation ?? '') : (entry.organisation ?? ''),
    action: entry.action,
    actionLabel: actionLabel(entry.action),
    subjectType: entry.subjectType,
    subjectLabel: subjectTypeLabel(entry.subjectType),
    subjectId: entry.subjectId ?? '',
    summary: summariseDetails(entry.details),
  }
}

export type AuditRow = ReturnType<typeof auditRow>
