import type { FieldMetadata, FormMetadata } from '@conform-to/react'
import { MAX_JOB_TARGETS } from '#domain/client-form'
import { type OccupationOption, OccupationPicker } from '#app/components/occupation-picker'

type Target = { query?: string; uri?: string }

type Props = {
  form: FormMetadata<any, string[]>
  meta: FieldMetadata<Target[], any, string[]>
  /** The chosen occupations by URI (from the loader or the last answer of the action). */
  occupations: Record<string, OccupationOption>
  /** Without JavaScript, after "Zoek beroep": the matches per position. */
  hits: Record<number, OccupationOption[]> | null
}

/**
 * One to five jobdoelwitten, the most wanted first: an occupation picker each, with buttons to add one, move one
 * up or remove one. The buttons are Conform list intents: handled in the browser with JavaScript, and by a
 * round trip to the server without (which keeps every other value).
 */
export function ClientJobTargets({ form, meta, occupations, hits }: Props) {
  const items = meta.getFieldList()
  return (
    <section aria-labelledby="job-targets-title" className="mb-6">
      <h2 id="job-targets-title" className="mt-8 mb-1">
        Jobdoelwitten
      </h2>
      <p id={meta.descriptionId} className="text-slate-700">
        Eén tot {MAX_JOB_TARGETS} beroepen waarin de cliënt ervaring wil opdoen, het belangrijkste eerst. We zoeken plaatsen voor deze
        beroepen en voor verwante beroepen.
      </p>
      {meta.errors?.length ? (
        <p id={meta.errorId} className="field-error" role="alert">
          {meta.errors.join(' ')}
        </p>
      ) : null}
      <ol className="mt-3 space-y-4">
        {items.map((item, index) => {
          const fields = item.getFieldset()
          const uri = fields.uri.initialValue ?? ''
          return (
            <li key={item.key}>
              <fieldset className="rounded-md border border-slate-300 px-4 pt-2 pb-1">
                <legend className="px-1 font-semibold">
                  Jobdoelwit {index + 1}
                  {index === 0 ? ' (het belangrijkste)' : ''}
                </legend>
                <OccupationPicker
                  queryName={fields.query.name}
                  uriName={fields.uri.name}
                  defaultQuery={fields.query.initialValue ?? ''}
                  chosen={occupations[uri] ?? null}
                  serverHits={hits?.[index] ?? null}
                  errors={fields.uri.errors}
                  onChosen={() => form.validate({ name: fields.uri.name })}
                  label={`Beroep van jobdoelwit ${index + 1}`}
                  help="Het beroep waarin de cliënt ervaring wil opdoen."
                />
                <div className="mb-3 flex flex-wrap gap-2">
                  {index > 0 ? (
                    <button {...form.reorder.getButtonProps({ name: meta.name, from: index, to: index - 1 })} className="btn-secondary">
                      Hoger zetten<span className="sr-only"> (jobdoelwit {index + 1})</span>
                    </button>
                  ) : null}
                  {items.length > 1 ? (
                    <button {...form.remove.getButtonProps({ name: meta.name, index })} className="btn-secondary">
                      Verwijderen<span className="sr-only"> (jobdoelwit {index + 1})</span>
                    </button>
                  ) : null}
                </div>
              </fieldset>
            </li>
          )
        })}
      </ol>
      {items.length < MAX_JOB_TARGETS ? (
        <button {...form.insert.getButtonProps({ name: meta.name, defaultValue: { query: '', uri: '' } })} className="btn-secondary mt-4">
          Nog een jobdoelwit toevoegen
        </button>
      ) : null}
    </section>
  )
}
