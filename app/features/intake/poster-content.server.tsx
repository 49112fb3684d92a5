import QRCode from 'qrcode'
import type { IntakeLanguage } from '#domain/intake-languages'
import { i18next } from '#app/i18next.server'
import { channelLink, type PosterTexts } from './poster-sheet'

/**
 * What goes on a channel's poster in one language: the link (naming the language, so the form opens in the
 * language the resident just read), the texts of public/locales/<lng>/poster.json and the QR code as SVG.
 * A .server module: the QR encoder stays out of the browser bundle.
 */
export async function posterContent(channel: { code: string; organisationName: string }, language: IntakeLanguage, baseUrl: string) {
  const url = channelLink(baseUrl, channel.code, language)
  const t = await i18next.getFixedT(language, 'poster')
  const texts: PosterTexts = {
    title: t('title'),
    situation: t('lines.situation'),
    contact: t('lines.contact'),
    help: t('lines.help', { organisation: channel.organisationName }),
    scan: t('scan'),
    qrLabel: t('qrLabel', { url }),
  }
  const qrSvg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
  return { url, texts, qrSvg }
}
