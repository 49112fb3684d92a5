/**
 * The React Email components the mails use, each from its own package. `@react-email/components` would load all
 * of them, its code block with prismjs and its Markdown and Tailwind support included: about 0.7 s of CPU in
 * every process that imports a mail template (the web server's Remix build does, at start), against 0.05 s for
 * these (docs/benchmarks.md, session 10).
 */
export { Body } from '@react-email/body'
export { Button } from '@react-email/button'
export { Container } from '@react-email/container'
export { Head } from '@react-email/head'
export { Heading } from '@react-email/heading'
export { Hr } from '@react-email/hr'
export { Html } from '@react-email/html'
export { Link } from '@react-email/link'
export { Preview } from '@react-email/preview'
export { Section } from '@react-email/section'
export { Text } from '@react-email/text'
