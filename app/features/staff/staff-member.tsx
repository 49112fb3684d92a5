import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint } from '@conform-to/zod'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import type { ReactNode } from 'react'
import { canCoordinate } from '#domain/permissions'
import { staffAreas } from './staff-areas'
import { roleWithMark, SELF_REFUSED, staffActionSchema, staffStatusLabels } from './staff-form'
import { formatDateTime } from '#app/utils/dates'
import { parseWithZod } from '#app/utils/parse-form'
import type { staffMemberAction, staffMemberLoader } from './staff-pages.server'
import { FactList } from '#app/components/fact-list'
import { ErrorSummary } from '#app/components/error-summary'
import { StaffRoleFields } from './staff-role-fields'

/** One person: who they are, and what the user may do with their account. */
export function StaffMemberPage() {
  const { area, member: m, self, roles, regions, confirmDeactivation } = useLoaderData<typeof staffMemberLoader>()
  const lastResult = useActionData<typeof staffMemberAction>()
  const [form, fields] = useForm({
    id: 'staff-update',
    lastResult,
    defaultValue: { role: m.role, coordinator: m.coordinator, regions: m.regionCodes },
    constraint: getZodConstraint(staffActionSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: staffActionSchema }),
    shouldRevalidate: 'onInput',
  })
  const { path, title } = staffAreas[area]
  const here = `${path}/${m.id}`
  const regionName = (code: string) => regions.find((r) => r.code === code)?.name ?? code
  const details: [string, ReactNode][] = [
    ['E-mailadres', m.email],
    ['Rol', roleWithMark(m.role, m.coordinator)],
    ['Organisatie', m.organisationName],
    ...(m.regionCodes.length > 0 ? [["Referentieregio's", m.regionCodes.map(regionName).join(', ')] as [string, string]] : []),
    ['Status', staffStatusLabels[m.status]],
    ['Laatst ingelogd', m.lastLoginAt ? formatDateTime(m.lastLoginAt) : 'nog niet ingelogd'],
    ['Account gemaakt', `${formatDateTime(m.createdAt)}${m.invitedBy ? `, uitgenodigd door ${m.invitedBy}` : ''}`],
    ...(m.disabledAt ? [['Gedeactiveerd', formatDateTime(m.disabledAt)] as [string, string]] : []),
  ]
  const canChangeRole = roles.length > 1 || roles.some(canCoordinate) || roles.includes('regional_admin')
  return (
    <>
      <p>
        <Link to={path}>← {title}</Link>
      </p>
      <h1 className="mt-4">{m.name}</h1>
      <FactList facts={details} />
      <div className="mt-8 max-w-2xl">
        <ErrorSummary form={form} />
      </div>
      {self ? (
        <p className="mt-4 max-w-2xl">Dit is je eigen account. {SELF_REFUSED}</p>
      ) : m.status === 'deactivated' ? (
        <ActionCard id="reactivate" title="Account opnieuw activeren">
          <p className="mb-3">{m.name} kan dan weer inloggen. API-sleutels blijven ingetrokken.</p>
          <IntentButton intent="reactivate">Account opnieuw activeren</IntentButton>
        </ActionCard>
      ) : (
        <>
          {m.status === 'invited' ? (
            <ActionCard id="resend" title="Uitnodiging">
              <p className="mb-3">{m.name} heeft nog niet ingelogd. Een nieuwe uitnodiging heeft een nieuwe link; de vorige link werkt dan niet meer.</p>
              <IntentButton intent="resend">Uitnodiging opnieuw versturen</IntentButton>
            </ActionCard>
          ) : null}
          {canChangeRole ? (
            <ActionCard id="role" title="Rol wijzigen">
              <Form method="post" {...getFormProps(form)}>
                <StaffRoleFields fields={fields} roles={roles} regions={regions} />
                <button type="submit" name="intent" value="update" className="btn-secondary">
                  Rol bewaren
                </button>
              </Form>
            </ActionCard>
          ) : null}
          <ActionCard id="deactiveren" title="Account deactiveren">
            {confirmDeactivation ? (
              <>
                <p className="mb-3 font-semibold">Weet je zeker dat je het account van {m.name} wilt deactiveren?</p>
                <p className="mb-3">
                  {m.name} wordt meteen uitgelogd en kan niet meer inloggen; API-sleutels werken niet meer. Wat {m.name} deed, blijft bewaard. Je kan het
                  account later weer activeren.
                </p>
                <div className="flex flex-wrap items-center gap-4">
                  <IntentButton intent="deactivate">Ja, account deactiveren</IntentButton>
                  <Link to={here}>Annuleren</Link>
                </div>
              </>
            ) : (
              <>
                <p className="mb-3">Voor wie niet meer bij de organisatie werkt. Je bevestigt eerst.</p>
                <Link to={`${here}?bevestigen=deactiveren#deactiveren`} className="btn-secondary">
                  Account deactiveren…
                </Link>
              </>
            )}
          </ActionCard>
        </>
      )}
    </>
  )
}

function ActionCard({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section id={id} className="card mt-6 max-w-2xl" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <div className="mt-3">{children}</div>
    </section>
  )
}

/** An action without fields: one button. */
function IntentButton({ intent, children }: { intent: string; children: ReactNode }) {
  return (
    <Form method="post" className="inline">
      <button type="submit" name="intent" value={intent} className="btn-secondary">
        {children}
      </button>
    </Form>
  )
}
