import { type FieldMetadata, getInputProps } from '@conform-to/react'
import { Field } from '#app/components/forms'

/** The new password and its repeat, as every form that sets a password asks them (password managers fill both). */
export function NewPasswordFields({
  password,
  confirm,
  labels = { password: 'Nieuw wachtwoord', confirm: 'Herhaal het nieuwe wachtwoord' },
}: {
  password: FieldMetadata<string>
  confirm: FieldMetadata<string>
  labels?: { password: string; confirm: string }
}) {
  return (
    <>
      <Field
        label={labels.password}
        help="Minstens 12 tekens."
        errors={password.errors}
        inputProps={{ ...getInputProps(password, { type: 'password' }), autoComplete: 'new-password' }}
      />
      <Field label={labels.confirm} errors={confirm.errors} inputProps={{ ...getInputProps(confirm, { type: 'password' }), autoComplete: 'new-password' }} />
    </>
  )
}
