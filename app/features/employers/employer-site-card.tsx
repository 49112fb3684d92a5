import type { SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { FormErrors } from '#app/components/forms'
import type { SharedPostcodes } from './site-fields'
import { SiteForm } from './site-form'

type Site = { id: string; name: string; street: string | null; postcode: string; municipalityNis: string; municipalityName: string; placements: number }

type Props = {
  site: Site
  removable: boolean
  editResult?: SubmissionResult<string[]>
  removeResult?: SubmissionResult<string[]>
  sharedPostcodes: SharedPostcodes
}

/** One of the employer's own sites: its address, a form to change it, and removal when nothing uses it. */
export function EmployerSiteCard({ site, removable, editResult, removeResult, sharedPostcodes }: Props) {
  const removeErrors = removeResult?.error?.[''] ?? undefined
  return (
    <article className="card mt-4" aria-labelledby={`site-${site.id}-title`}>
      <h3 id={`site-${site.id}-title`} className="font-semibold">
        {site.name}
      </h3>
      <p className="mt-1">{[site.street, `${site.postcode} ${site.municipalityName}`].filter(Boolean).join(', ')}</p>
      <p className="mt-1 text-slate-700">
        {site.placements === 0 ? 'Nog geen plaatsen op deze vestiging.' : `${site.placements} plaats(en) op deze vestiging.`}
      </p>
      {/* Without JavaScript <details> still opens; it opens by itself when the last attempt needs a correction. */}
      <details className="mt-3" open={editResult?.error ? true : undefined}>
        <summary className="cursor-pointer font-semibold text-brand-700">Vestiging {site.name} wijzigen</summary>
        <SiteForm
          id={`site-${site.id}`}
          intent="edit-site"
          siteId={site.id}
          defaultValue={{ name: site.name, street: site.street ?? '', postcode: site.postcode, municipalityNis: site.municipalityNis }}
          lastResult={editResult}
          sharedPostcodes={sharedPostcodes}
          submitLabel="Wijzigingen opslaan"
        />
      </details>
      <FormErrors errors={removeErrors} />
      {removable ? (
        <Form method="post" className="mt-3">
          <input type="hidden" name="intent" value="remove-site" />
          <input type="hidden" name="siteId" value={site.id} />
          <button type="submit" className="btn-secondary">
            Vestiging {site.name} verwijderen
          </button>
        </Form>
      ) : (
        <p className="mt-3 text-sm text-slate-700">
          {site.placements > 0 ? 'U kan deze vestiging niet verwijderen: er horen plaatsen bij.' : 'Uw enige vestiging kan u niet verwijderen.'}
        </p>
      )}
    </article>
  )
}
