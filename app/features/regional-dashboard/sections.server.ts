import { outreachSection } from './outreach-section.server'
import { placementsSection } from './placements-section.server'
import { proposalsSection } from './proposals-section.server'
import type { Section } from './stat-table'
import { trajectorySection } from './trajectory-section.server'

/** The dashboard's pages, in menu order. A section added here gets its page, its CSV links and its benchmark. */
export const sections: Section[] = [outreachSection, placementsSection, proposalsSection, trajectorySection]

export const sectionBySlug = (slug: string | undefined) => sections.find((section) => section.slug === slug)

export const sectionLinks = () => sections.map(({ slug, title }) => ({ slug, title }))
