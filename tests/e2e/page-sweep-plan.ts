import { intakeSteps } from '#app/features/intake/intake-steps'
import { DEMO_IMPORT_RUNS } from '#db/seed/import-runs'
import type { DemoUserKey } from './fixtures'

/**
 * Which pages tests/e2e/page-sweep.test.ts visits, as whom, in which order; and every route file it does not
 * visit, with the reason. tests/unit/page-sweep-plan.test.ts holds this list against app/routes, so a new route
 * file fails until it is put in one of the two.
 *
 * A route with a dynamic segment (`$id`) is visited at a link to it on the page its role visited last that has
 * one (the demo data's own ids), so a list page comes before its detail pages; `link` picks the link by its text.
 * `paths` names the addresses instead, for a page no link leads to.
 */
export type SweepPage = string | { route: string; paths: readonly string[] } | { route: string; link: string }
export type SweepRole = { name: string; login?: DemoUserKey; pages: readonly SweepPage[] }

const r = (file: string) => `routes/${file}`

/** Every signed-in role has these. */
const account = r('account.tsx')

export const sweepRoles: readonly SweepRole[] = [
  {
    name: 'public',
    pages: [
      r('_index.tsx'),
      r('plaatsen._index.tsx'),
      r('plaatsen.$id.tsx'),
      r('vergoedingen.tsx'),
      r('werkgever-worden.tsx'),
      r('werkgever-worden_.e-mail-verstuurd.tsx'),
      r('cijfers.tsx'),
      r('_auth+/inloggen.tsx'),
      r('_auth+/wachtwoord-vergeten.tsx'),
      // Without a token: the page that says the link is unusable, which is what a wrong link shows.
      r('_auth+/wachtwoord-nieuw.tsx'),
      r('_auth+/e-mail-bevestigen.tsx'),
      r('aanmelden+/_index.tsx'),
      r('aanmelden+/privacy.tsx'),
      // The demo outreach partner's channel (db/seed/intake.ts), as printed on its poster.
      { route: r('aanmelden+/k.$code.tsx'), paths: ['/aanmelden/k/debrug'] },
    ],
  },
  // The resident's pages need a draft (every step, the summary) or a sent intake (from `klaar` on):
  // page-sweep.test.ts fills both in over HTTP first.
  {
    name: 'resident',
    pages: [
      { route: r('aanmelden+/$step.tsx'), paths: intakeSteps.map((step) => `/aanmelden/${step}`) },
      r('aanmelden+/controle.tsx'),
      r('aanmelden+/klaar.tsx'),
      r('aanmelden+/status.$token.tsx'),
      r('aanmelden+/gewist.tsx'),
    ],
  },
  {
    name: 'employer',
    login: 'employer',
    pages: [
      r('werkgever+/_index.tsx'),
      r('werkgever+/plaatsen._index.tsx'),
      r('werkgever+/plaatsen.$id.tsx'),
      r('werkgever+/plaatsen.nieuw.tsx'),
      r('werkgever+/kosten.tsx'),
      r('werkgever+/organisatie.tsx'),
      r('werkgever+/importeren._index.tsx'),
      // The demo employer's rejected background import (db/seed/import-runs.ts): no page links a run.
      { route: r('werkgever+/importeren.$id.tsx'), paths: [`/werkgever/importeren/${DEMO_IMPORT_RUNS.employer}`] },
      // L.V.'s accepted proposal and the work-floor form asked for her (db/seed/placement-outcomes.ts, trajectory-records.ts).
      r('werkgever+/voorstellen._index.tsx'),
      r('werkgever+/voorstellen.$id.tsx'),
      r('werkgever+/evaluaties._index.tsx'),
      r('werkgever+/evaluaties.$id.tsx'),
      account,
    ],
  },
  {
    name: 'caseworker',
    login: 'caseworkerOcmw',
    pages: [
      r('begeleider+/_index.tsx'),
      // The home page's "Te doen" links Y.B.'s outflow, due since this quarter (db/seed/trajectories.ts).
      { route: r('begeleider+/clienten.$clientId.traject.uitstroom.tsx'), link: 'Y.B.' },
      r('begeleider+/clienten._index.tsx'),
      r('begeleider+/clienten.nieuw.tsx'),
      // The demo client with a running trajectory (db/seed/trajectories.ts): its pages link every trajectory page.
      { route: r('begeleider+/clienten.$clientId._index.tsx'), link: 'K.B.' },
      r('begeleider+/clienten.$clientId.bewerken.tsx'),
      r('begeleider+/clienten.$clientId.passend.tsx'),
      r('begeleider+/clienten.$clientId.voorstellen._index.tsx'),
      r('begeleider+/clienten.$clientId.voorstellen.nieuw.tsx'),
      r('begeleider+/clienten.$clientId.traject._index.tsx'),
      r('begeleider+/clienten.$clientId.traject.pop.tsx'),
      r('begeleider+/clienten.$clientId.traject.notities.tsx'),
      r('begeleider+/clienten.$clientId.traject.opleidingen.tsx'),
      r('begeleider+/clienten.$clientId.traject.functieprofiel.tsx'),
      r('begeleider+/clienten.$clientId.traject.werkplek.tsx'),
      r('begeleider+/clienten.$clientId.traject.evaluatie.tsx'),
      r('begeleider+/clienten.$clientId.traject.schorsing.tsx'),
      r('begeleider+/clienten.$clientId.traject.begeleider.tsx'),
      r('begeleider+/clienten.$clientId.traject.delen.tsx'),
      r('begeleider+/clienten.$clientId.traject.verhuis.tsx'),
      r('begeleider+/clienten.$clientId.traject.afsluiten.tsx'),
      r('begeleider+/evaluaties.tsx'),
      r('begeleider+/zoeken.tsx'),
      r('begeleider+/bewaard.tsx'),
      // OCMW Gent's published profile, and T.W.'s trajectory that the OCMW cluster proposes after his move, shared for
      // the decision (db/seed/trajectory-records.ts).
      r('begeleider+/functieprofielen._index.tsx'),
      r('begeleider+/functieprofielen.$profileId.tsx'),
      r('begeleider+/gedeelde-trajecten._index.tsx'),
      r('begeleider+/gedeelde-trajecten.$trajectoryId._index.tsx'),
      r('begeleider+/overdrachten._index.tsx'),
      r('begeleider+/overdrachten.$transferId.tsx'),
      account,
    ],
  },
  { name: 'triage worker', login: 'triageWorker', pages: [r('triage+/_index.tsx'), r('triage+/$intakeId.tsx'), account] },
  {
    name: 'outreach partner',
    login: 'outreachWorker',
    pages: [r('partner+/_index.tsx'), r('partner+/aanmelden.tsx'), r('partner+/kanalen._index.tsx'), r('partner+/kanalen.$channelId.affiche.tsx'), account],
  },
  {
    name: 'organisation coordinator',
    login: 'coordinator',
    pages: [r('organisatie+/medewerkers._index.tsx'), r('organisatie+/medewerkers.nieuw.tsx'), r('organisatie+/medewerkers.$id.tsx'), account],
  },
  {
    name: 'regional admin',
    login: 'regionalAdmin',
    pages: [
      r('admin+/_index.tsx'),
      r('admin+/werkgevers._index.tsx'),
      r('admin+/werkgevers.$id.tsx'),
      r('admin+/organisaties._index.tsx'),
      r('admin+/organisaties.$id.tsx'),
      r('admin+/vergoedingen._index.tsx'),
      r('admin+/vergoedingen.$region.tsx'),
      r('admin+/importeren._index.tsx'),
      { route: r('admin+/importeren.$id.tsx'), paths: [`/admin/importeren/${DEMO_IMPORT_RUNS.regionalAdmin}`] },
      r('admin+/triage-instellingen.tsx'),
      r('admin+/zonder-ontvanger.tsx'),
      r('admin+/gebruikers._index.tsx'),
      r('admin+/gebruikers.nieuw.tsx'),
      r('admin+/gebruikers.$id.tsx'),
      r('admin+/cijfers._index.tsx'),
      r('admin+/cijfers.$sectie.tsx'),
      r('admin+/zoektermen.tsx'),
      r('admin+/audit.tsx'),
      account,
    ],
  },
  {
    name: 'platform admin',
    login: 'platformAdmin',
    pages: [
      r('admin+/_index.tsx'),
      r('admin+/organisaties._index.tsx'),
      r('admin+/organisaties.nieuw.tsx'),
      r('admin+/gebruikers._index.tsx'),
      r('admin+/zonder-ontvanger.tsx'),
      r('dev+/outbox._index.tsx'),
      r('dev+/outbox.$id.tsx'),
      account,
    ],
  },
]

const download = 'a download (CSV, JSON), not a page'
const api = 'the API (JSON for partner systems), not a page'

/** Route files that are no page of their own. */
export const notSwept: Readonly<Record<string, string>> = {
  [r('aanmelden+/_layout.tsx')]: 'the layout around the intake pages, visited with each of them',
  [r('_auth+/uitloggen.tsx')]: 'POST only: logging out, which redirects',
  [r('api+/beroepen.ts')]: 'JSON for the occupation picker, not a page',
  [r('api+/v1.match.ts')]: api,
  [r('api+/v1.placements.changes.ts')]: api,
  [r('api+/v1.placements.search.ts')]: api,
  [r('api+/v1.referrals.$id.ts')]: api,
  [r('api+/v1.trajectories.$id.ts')]: api,
  [r('admin+/audit[.csv].tsx')]: download,
  [r('admin+/cijfers.$sectie[.csv].tsx')]: download,
  [r('admin+/organisaties[.csv].tsx')]: download,
  [r('admin+/zoektermen[.csv].tsx')]: download,
  [r('begeleider+/clienten.$clientId.traject[.json].tsx')]: download,
  [r('begeleider+/gedeelde-trajecten.$trajectoryId.traject[.json].tsx')]: download,
  [r('cijfers[.csv].tsx')]: download,
  [r('cijfers[.json].tsx')]: download,
  [r('importeren.placement[.schema.json].ts')]: download,
  [r('importeren.sjabloon[.csv].ts')]: download,
  [r('triage+/aanmeldingen[.csv].tsx')]: download,
  [r('triage+/doorverwijzingen.$referralId[.json].tsx')]: download,
  [r('vergoedingen[.csv].tsx')]: download,
  [r('werkgever+/kosten[.csv].tsx')]: download,
  [r('werkgever+/plaatsen[.csv].tsx')]: download,
  [r('dev+/outbox.$id_.inhoud.ts')]: 'the mail itself, shown in a sandboxed iframe of /dev/outbox/:id (scanned there)',
}
