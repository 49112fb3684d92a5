import { Link } from '@remix-run/react'

/** Page links (not buttons): every page has its own address and works without JavaScript. */
export function Pagination({ page, pageCount, href }: { page: number; pageCount: number; href: (page: number) => string }) {
  if (pageCount <= 1) return null
  // The first and last page and two either side of the current one; gaps show as "…".
  const pages = Array.from({ length: pageCount }, (_, i) => i + 1).filter((n) => n === 1 || n === pageCount || Math.abs(n - page) <= 2)
  return (
    <nav aria-label="Paginering" className="mt-8">
      <ul className="flex flex-wrap items-center gap-2">
        {page > 1 ? (
          <li>
            <Link to={href(page - 1)} className="btn-secondary">
              Vorige
            </Link>
          </li>
        ) : null}
        {pages.map((n, index) => (
          <li key={n} className="flex items-center gap-2">
            {index > 0 && n - pages[index - 1]! > 1 ? <span aria-hidden="true">…</span> : null}
            <Link
              to={href(n)}
              aria-current={n === page ? 'page' : undefined}
              aria-label={`Pagina ${n}`}
              className={n === page ? 'btn-primary' : 'btn-secondary'}
            >
              {n}
            </Link>
          </li>
        ))}
        {page < pageCount ? (
          <li>
            <Link to={href(page + 1)} className="btn-secondary">
              Volgende
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  )
}
