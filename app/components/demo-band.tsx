import { useTranslation } from 'react-i18next'

/** Shown on every page while the portal holds demo data, in the page's language, so nobody takes it for the real service. */
export function DemoBand() {
  const { t } = useTranslation()
  return (
    <aside aria-label={t('demoBand.title')} className="border-b-2 border-amber-700 bg-amber-100 text-slate-900">
      <p className="mx-auto max-w-6xl px-4 py-2">
        <strong>{t('demoBand.title')}.</strong> {t('demoBand.text')}
      </p>
    </aside>
  )
}
