import fs from 'node:fs'
import path_ from 'node:path'
import Ajv2020 from 'ajv/dist/2020'
import addFormats from 'ajv-formats'
import { expect } from 'vitest'
import { type E2EPage, loginAs, logout, main } from './fixtures'

/**
 * The TWE trajectory's steps (issue 13) as the begeleider and the employer take them, after the journey's client was
 * accepted at the bakery placement: each step starts and ends on the trajectory overview (`path`).
 */
const status = async (p: E2EPage) => p.page.getByRole('status').first().textContent()

/** The employer answers the work-floor form the begeleider asked for, from its list of evaluations. */
export async function employerAnswersWorkFloor(p: E2EPage, path: string, firstName: string) {
  await p.follow(main(p).getByRole('link', { name: 'Evaluatie vastleggen, of de werkgever om de evaluatie op de werkvloer vragen' }))
  const ask = main(p).getByRole('region', { name: 'De werkgever vragen' })
  await p.submit(ask.getByRole('button', { name: 'Vraag de werkgever om de evaluatie op de werkvloer' }))
  expect(p.path).toBe(path)
  expect(await status(p)).toContain('De werkgever kreeg een e-mail')
  await logout(p)
  await loginAs(p, 'employer')
  await p.visit('/werkgever/evaluaties')
  await p.follow(main(p).getByRole('link', { name: firstName, exact: true }))
  const form = main(p).locator('form[method="post"]')
  await form.getByRole('group', { name: 'Op tijd komen' }).getByLabel('Bereikt').check()
  await form.getByRole('group', { name: 'Deeg kneden' }).getByLabel('Groeiend').check()
  await form.getByLabel('Wilt u nog iets kwijt? (niet verplicht)').fill('Komt elke dag stipt, leert snel.')
  await p.submit(form.getByRole('button', { name: 'Evaluatie versturen' }))
  expect(p.path).toBe('/werkgever/evaluaties')
  expect(await status(p)).toContain('Bedankt')
  await logout(p)
  await loginAs(p, 'caseworkerOcmw')
  await p.visit(path)
  expect(await main(p).getByRole('region', { name: 'Evaluaties' }).textContent()).toContain('Opmerking van de werkgever: Komt elke dag stipt, leert snel.')
}

/** The 6-monthly evaluation: scores per goal and the POP as it stands afterwards, saved as version 2. */
export async function recordEvaluation(p: E2EPage, path: string) {
  await p.follow(main(p).getByRole('link', { name: 'Evaluatie vastleggen, of de werkgever om de evaluatie op de werkvloer vragen' }))
  const form = main(p).getByRole('region', { name: 'Evaluatie vastleggen' }).locator('form[method="post"]')
  await form.getByRole('radio', { name: '6-maandelijkse evaluatie' }).check()
  await form.getByRole('group', { name: 'Op tijd komen' }).getByLabel('Bereikt').check()
  await form.getByRole('group', { name: 'Deeg kneden' }).getByLabel('Groeiend').check()
  await form.getByLabel('Wat stelden jullie vast, en wat spraken jullie af?').fill('Stipt; kneden gaat beter. Volgende stap: de winkel.')
  await form.getByLabel('Competenties om te ontwikkelen').fill('Deeg kneden\nKlanten bedienen')
  await p.submit(form.getByRole('button', { name: 'Evaluatie en nieuwe POP-versie bewaren' }))
  expect(p.path).toBe(path)
  expect(await status(p)).toContain('met POP versie 2')
  const plan = main(p).getByRole('region', { name: 'Persoonlijk ontwikkelingsplan (POP)' })
  expect(await plan.textContent()).toContain('Versie 2')
  expect(await plan.textContent()).toContain('Volgende stap: de winkel.')
}

/** Rotation: a second phase at a workplace outside Stapsteen ends the first. */
export async function rotateToSecondWorkplace(p: E2EPage, path: string, startOn: string) {
  await p.follow(main(p).getByRole('link', { name: 'Naar een andere werkplek, of de fase verlengen' }))
  const form = main(p).getByRole('region', { name: 'Naar een nieuwe werkplek' }).locator('form[method="post"]')
  await form.getByRole('radio', { name: 'Een werkplek buiten Stapsteen' }).check()
  await form.getByRole('textbox', { name: 'Werkplek buiten Stapsteen' }).fill('Broodjeszaak De Korst, verkoop')
  await form.getByLabel('Start van de nieuwe fase').fill(startOn)
  await p.submit(form.getByRole('button', { name: 'Nieuwe fase starten' }))
  expect(p.path).toBe(path)
  expect(await main(p).getByRole('region', { name: 'Werkplekken' }).getByRole('listitem').count()).toBe(2)
}

/** A training request, then its refusal with a reason from the learning network's list. */
export async function recordRefusedTraining(p: E2EPage, path: string) {
  await p.follow(main(p).getByRole('link', { name: 'Opleidingen aanvragen of een uitkomst noteren' }))
  const request = main(p).getByRole('region', { name: 'Een opleiding aanvragen' }).locator('form[method="post"]')
  await request.getByLabel('Opleiding', { exact: true }).fill('Banketbakker')
  await request.getByLabel('Opleidingsverstrekker').fill('CVO Gent')
  await p.submit(request.getByRole('button', { name: 'Opleiding aanvragen' }))
  const outcome = main(p).getByRole('region', { name: 'Aanvragen' }).locator('form[method="post"]')
  await outcome.getByLabel('Uitkomst').selectOption('refused')
  await outcome.getByLabel('Reden van weigering').selectOption('dutch_level_too_low')
  await p.submit(outcome.getByRole('button', { name: 'Uitkomst opslaan' }))
  await p.visit(path)
  expect(await main(p).getByRole('region', { name: 'Opleidingen' }).textContent()).toContain('Uitkomst: Geweigerd — Niveau Nederlands te laag.')
}

/** Two notes: one confidential (the OCMW's confidential zone), one to share. */
export async function writeNotes(p: E2EPage, path: string, confidential: string, shared: string) {
  for (const [body, choice] of [
    [confidential, 'Ja, vertrouwelijk'],
    [shared, 'Nee'],
  ] as const) {
    await p.visit(`${path}/notities`)
    const form = main(p).locator('form[method="post"]')
    await form.getByLabel('Notitie').fill(body)
    await form.getByRole('radio', { name: choice }).check()
    await p.submit(form.getByRole('button', { name: 'Notitie bewaren' }))
  }
  await p.visit(path)
}

/** The download for VDAB's client file follows its JSON Schema, holds the whole trajectory and no confidential note. */
export async function expectExport(p: E2EPage, path: string, confidential: string, shared: string) {
  const link = main(p).getByRole('link', { name: 'Download het traject als JSON (voor het VDAB-cliëntdossier)' })
  const response = await p.page.request.get(new URL((await link.getAttribute('href'))!, p.page.url()).href)
  expect(response.status()).toBe(200)
  expect(response.headers()['content-disposition']).toMatch(/^attachment/)
  const text = await response.text()
  expect(text).not.toContain(confidential)
  expect(text).toContain(shared)
  const ajv = new Ajv2020({ strict: true, allErrors: true })
  addFormats(ajv)
  const validate = ajv.compile(JSON.parse(fs.readFileSync(path_.resolve(import.meta.dirname, '../../docs/schemas/trajectory-export.schema.json'), 'utf8')))
  const document = JSON.parse(text)
  expect(validate(document), JSON.stringify(validate.errors)).toBe(true)
  return document as Record<string, unknown>
}
