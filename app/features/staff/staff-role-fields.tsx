import type { FieldMetadata } from '@conform-to/react'
import { canCoordinate, type Role, roleLabels } from '#domain/permissions'
import { CheckboxField, ChoiceGroup, SelectField } from '#app/components/conform-fields'

type Meta = FieldMetadata<any, any, any>

/** Role, coordinator mark and regions: the same fields when inviting someone and when changing their role. */
export function StaffRoleFields(props: {
  fields: { role: Meta; coordinator: Meta; regions: Meta }
  roles: readonly Role[]
  /** Reference regions to choose from: only for someone who may make regional admins. */
  regions: readonly { code: string; name: string }[]
}) {
  const { fields, roles, regions } = props
  return (
    <>
      <SelectField meta={fields.role} label="Rol" options={roles.map((role) => ({ value: role, label: roleLabels[role] }))} />
      {roles.some(canCoordinate) ? (
        <CheckboxField
          meta={fields.coordinator}
          label="Coördinator"
          help="Een coördinator nodigt de trajectbegeleiders, triage- en outreachmedewerkers van de eigen organisatie uit, wijzigt hun rol en deactiveert hun account. Alleen voor die rollen."
        />
      ) : null}
      {regions.length > 0 ? (
        <ChoiceGroup
          meta={fields.regions}
          type="checkbox"
          legend="Referentieregio's"
          help="Alleen voor een regionale beheerder: de regio's die die beheert. Kies er minstens één."
          choices={regions.map((region) => ({ value: region.code, label: region.name }))}
        />
      ) : null}
    </>
  )
}
