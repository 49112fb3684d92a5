import type { ComponentProps, ComponentType } from 'react'
import { PasswordResetEmail, subject as passwordResetSubject } from './password-reset'

type TemplateDefinition<P> = { subject: (props: P) => string; component: ComponentType<P> }

/** Adding a mail = a new file in this folder + one line here; its id then fixes the props sendEmail accepts. */
const definitions = {
  'password-reset': { subject: () => passwordResetSubject, component: PasswordResetEmail },
}

export type TemplateId = keyof typeof definitions
type PropsMap = { [T in TemplateId]: ComponentProps<(typeof definitions)[T]['component']> }
export type PropsOf<T extends TemplateId> = PropsMap[T]

// Re-typed as a mapped type so `templates[id]` keeps the link between an id and its props inside generic code.
export const templates: { [T in TemplateId]: TemplateDefinition<PropsMap[T]> } = definitions
