import fs from 'node:fs'
import { describe, expect, it } from 'vitest'

/** The reference files are copied from elsewhere; these checks catch a bad or partial copy before it is loaded. */
const read = (name: string) => fs.readFileSync(new URL(`../../db/reference/${name}`, import.meta.url), 'utf8')
const json = <T>(name: string) => JSON.parse(read(name)) as T

type Region = { code: string; name: string; provinces: string[]; municipalityCount: number; members: string[] }
type Municipality = {
  nis: string
  name: string
  province: string
  referenceRegion: string
  referenceRegionCode: string
  postcodes: string[]
  lat: number
  lon: number
}
type Occupation = { uri: string; code: string; iscoGroup: string; label: string; altLabels: string[]; description: string }

const regions = json<Region[]>('reference-regions-flanders.json')
const towns = json<Municipality[]>('municipalities-flanders.json')
const jobs = json<Occupation[]>('esco-occupations-nl.json')

describe('reference-regions-flanders.json and municipalities-flanders.json', () => {
  it('hold 15 regions and 285 municipalities with unique codes', () => {
    expect(regions).toHaveLength(15)
    expect(new Set(regions.map((r) => r.code)).size).toBe(15)
    expect(towns).toHaveLength(285)
    expect(new Set(towns.map((m) => m.nis)).size).toBe(285)
    for (const m of towns) expect(m.nis).toMatch(/^\d{5}$/)
  })

  it("point every municipality at an existing region, with that region's name and one of its provinces", () => {
    const byCode = new Map(regions.map((r) => [r.code, r]))
    for (const m of towns) {
      const region = byCode.get(m.referenceRegionCode)
      expect(region, `${m.nis} ${m.name}`).toBeDefined()
      expect(m.referenceRegion).toBe(region?.name)
      expect(region?.provinces).toContain(m.province)
    }
  })

  it("list as each region's members exactly the municipalities pointing at it", () => {
    for (const region of regions) {
      const pointing = towns.filter((m) => m.referenceRegionCode === region.code).map((m) => m.nis)
      expect([...region.members].sort(), region.code).toEqual(pointing.sort())
      expect(region.municipalityCount, region.code).toBe(region.members.length)
    }
    const all = regions.flatMap((r) => r.members)
    expect(new Set(all).size).toBe(all.length) // no municipality in two regions
  })

  it('give valid postcodes and coordinates in Flanders; 1804 lies in two municipalities', () => {
    const postcodes = towns.flatMap((m) => m.postcodes)
    for (const p of postcodes) expect(p).toMatch(/^\d{4}$/)
    expect(new Set(postcodes).size).toBe(521)
    for (const m of towns) {
      expect(new Set(m.postcodes).size, m.name).toBe(m.postcodes.length)
      expect(m.lat).toBeGreaterThan(50.6)
      expect(m.lat).toBeLessThan(51.55)
      expect(m.lon).toBeGreaterThan(2.5)
      expect(m.lon).toBeLessThan(5.95)
    }
    expect(towns.filter((m) => m.postcodes.includes('1804')).map((m) => m.name)).toEqual(['Vilvoorde', 'Zemst'])
  })
})

describe('esco-occupations-nl.json', () => {
  it('holds 3,007 occupations with unique URIs and codes', () => {
    expect(jobs).toHaveLength(3007)
    expect(new Set(jobs.map((o) => o.uri)).size).toBe(jobs.length)
    expect(new Set(jobs.map((o) => o.code)).size).toBe(jobs.length)
  })

  it('gives every occupation an ESCO URI, an ISCO group, a label and an array of alternative labels', () => {
    for (const o of jobs) {
      expect(o.uri).toMatch(/^http:\/\/data\.europa\.eu\/esco\/occupation\/[0-9a-f-]{36}$/)
      expect(o.iscoGroup).toMatch(/^\d{4}$/)
      expect(o.code.startsWith(o.iscoGroup)).toBe(true)
      expect(o.label.trim()).not.toBe('')
      expect(Array.isArray(o.altLabels)).toBe(true)
      expect(typeof o.description).toBe('string')
    }
  })
})

describe('SOURCES.md', () => {
  it('keeps the required attributions', () => {
    const sources = read('SOURCES.md')
    for (const text of ['Statbel', '1 January 2019', 'Provincies in Cijfers / gebiedsniveaus', 'ESCO, European Commission', 'v1.1.1']) {
      expect(sources).toContain(text)
    }
  })
})
