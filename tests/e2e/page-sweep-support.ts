import type { E2EPage } from './fixtures'

/** The phone the portal must fit (issue 16): no page may be wider. */
export const PHONE = { width: 390, height: 844 }

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * Which route pattern (e.g. '/begeleider/clienten/:clientId') an address belongs to, as Remix ranks them: of the
 * patterns that match, the one with the most literal text, so '/begeleider/clienten/nieuw' is not a client's id.
 */
export function routeMatcher(patterns: readonly string[]) {
  const compiled = patterns.map((pattern) => ({
    pattern,
    regex: new RegExp(`^${escape(pattern).replace(/:\w+/g, '[^/]+')}$`),
    literal: pattern.replace(/:\w+/g, '').length,
  }))
  return (pathname: string) =>
    compiled.filter((c) => c.regex.test(pathname)).sort((a, b) => b.literal - a.literal)[0]?.pattern
}

export type Link = { address: string; text: string }

/** The links to the portal's own addresses on the page, in document order (path and query, no fragment). */
export async function ownLinks(p: E2EPage): Promise<Link[]> {
  const links = await p.page.locator('a[href]').evaluateAll((as) => as.map((a) => ({ href: (a as HTMLAnchorElement).href, text: a.textContent ?? '' })))
  const origin = new URL(p.page.url()).origin
  return links
    .map(({ href, text }) => ({ url: new URL(href), text: text.trim() }))
    .filter(({ url }) => url.origin === origin)
    .map(({ url, text }) => ({ address: url.pathname + url.search, text }))
}

export type Overflow = { scrollWidth: number; widest: string; width: number; right: number }

/**
 * How far the page is wider than the phone, and the element that sticks out furthest (its tag, id, classes and
 * first words): what to fix. Elements inside a scroll area (a ScrollTable) do not count: they scroll, the page
 * does not. Undefined when the page fits.
 */
export async function overflowOf(p: E2EPage): Promise<Overflow | undefined> {
  const found = await p.page.evaluate((phoneWidth) => {
    const scrollWidth = document.documentElement.scrollWidth
    if (scrollWidth <= phoneWidth) return null
    // Inside a scroll area that itself fits (a ScrollTable), content may be wider: it scrolls, the page does not.
    // Unless it is positioned absolutely (as .sr-only text) and the scroll area is no containing block of it: then
    // it escapes the scroll area and widens the page.
    const scrolls = (element: Element) => {
      let escapes = getComputedStyle(element).position === 'absolute'
      for (let a = element.parentElement; a && a !== document.body; a = a.parentElement) {
        const style = getComputedStyle(a)
        if (escapes && style.position !== 'static') escapes = false
        if (!escapes && style.overflowX !== 'visible' && a.getBoundingClientRect().right <= phoneWidth + 0.5) return true
      }
      return false
    }
    // Where an element's content ends: a word too long for its box sticks out of it without widening the box.
    const end = (element: Element) => {
      const box = element.getBoundingClientRect()
      return getComputedStyle(element).overflowX === 'visible' ? Math.max(box.right, box.left + element.scrollWidth) : box.right
    }
    // The deepest element that reaches furthest: its ancestors reach as far only because of it.
    let widest: Element | undefined
    let right = phoneWidth + 1
    for (const element of document.body.querySelectorAll('*')) {
      const reach = end(element)
      if (reach >= right - 0.5 && !scrolls(element)) [widest, right] = [element, Math.max(right, reach)]
    }
    if (!widest) return { scrollWidth, widest: '(no element: a margin or a pseudo-element?)', width: 0, right: scrollWidth }
    const classes = [...widest.classList].slice(0, 6).map((c) => `.${c}`).join('')
    const text = (widest.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60)
    const name = `${widest.tagName.toLowerCase()}${widest.id ? `#${widest.id}` : ''}${classes} "${text}"`
    return { scrollWidth, widest: name, width: Math.round(widest.getBoundingClientRect().width), right: Math.round(right) }
  }, PHONE.width)
  return found ?? undefined
}
