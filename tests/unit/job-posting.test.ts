import { describe, expect, it } from 'vitest'
import { buildJobPosting, type JobPostingSource, serializeJsonLd, workHoursText } from '#domain/job-posting'

const source: JobPostingSource = {
  url: 'https://stapsteen.example.be/plaatsen/123',
  title: 'Hulp in de bakkerij',
  description: 'Deeg afwegen en ovens laden.',
  publishedAt: '2026-03-01T23:30:00.000Z', // already 2 March in Brussels (UTC+1)
  updatedAt: '2026-05-10T08:00:00.000Z',
  startDate: null,
  fullUntil: null,
  hoursPerWeek: 19.5,
  schedule: ['day', 'weekend'],
  places: 2,
  employerName: 'Bakkerij Van Damme bv',
  occupation: { uri: 'http://data.europa.eu/esco/occupation/1aadb308-432a-4d01-b54b-b4f7f76dd419', code: '7512.1', label: 'bakker' },
  location: { street: 'Veldstraat 12', postcode: '9000', municipality: 'Gent', province: 'Oost-Vlaanderen', lat: 51.05, lon: 3.72 },
}

describe('buildJobPosting', () => {
  const posting = buildJobPosting(source)

  it('has the properties search engines require, with Belgian dates', () => {
    expect(posting).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'JobPosting',
      title: 'Hulp in de bakkerij',
      description: 'Deeg afwegen en ovens laden.',
      datePosted: '2026-03-02',
      validThrough: '2027-05-10',
      hiringOrganization: { '@type': 'Organization', name: 'Bakkerij Van Damme bv' },
      totalJobOpenings: 2,
      workHours: '19,5 uur per week, overdag en in het weekend',
      employmentType: ['PART_TIME', 'TEMPORARY'],
      directApply: false,
    })
    expect(posting.jobLocation).toEqual({
      '@type': 'Place',
      address: {
        '@type': 'PostalAddress',
        streetAddress: 'Veldstraat 12',
        addressLocality: 'Gent',
        postalCode: '9000',
        addressRegion: 'Oost-Vlaanderen',
        addressCountry: 'BE',
      },
      geo: { '@type': 'GeoCoordinates', latitude: 51.05, longitude: 3.72 },
    })
  })

  it('carries the ESCO occupation URI and code in occupationalCategory', () => {
    expect(posting.occupationalCategory).toEqual({
      '@type': 'CategoryCode',
      codeValue: '7512.1',
      name: 'bakker',
      inCodeSet: 'http://data.europa.eu/esco/occupation',
      url: source.occupation.uri,
    })
  })

  it('names nobody to contact: no e-mail, phone or contact point anywhere', () => {
    const text = JSON.stringify(posting)
    expect(text).not.toMatch(/@[a-z0-9-]+\.[a-z]/i)
    expect(text).not.toMatch(/telephone|email|contactPoint|applicationContact/i)
    expect(Object.keys(posting.hiringOrganization)).toEqual(['@type', 'name'])
  })

  it('starts after the full-until date (volzet tot) when that is later than the start date', () => {
    expect(buildJobPosting({ ...source, startDate: '2026-04-01', fullUntil: '2026-06-30' })).toMatchObject({ jobStartDate: '2026-07-01' })
    expect(buildJobPosting({ ...source, startDate: '2026-09-01', fullUntil: '2026-06-30' })).toMatchObject({ jobStartDate: '2026-09-01' })
    expect(posting).not.toHaveProperty('jobStartDate')
  })

  it('leaves out an unknown street and postcode rather than writing empty values', () => {
    const { address } = buildJobPosting({ ...source, location: { ...source.location, street: null, postcode: null } }).jobLocation
    expect(address).not.toHaveProperty('streetAddress')
    expect(address).not.toHaveProperty('postalCode')
  })

  it('calls 38 hours or more full-time', () => {
    expect(buildJobPosting({ ...source, hoursPerWeek: 38 }).employmentType).toEqual(['FULL_TIME', 'TEMPORARY'])
  })
})

describe('workHoursText', () => {
  it('joins the moments in plain Dutch', () => {
    expect(workHoursText(38, [])).toBe('38 uur per week')
    expect(workHoursText(19, ['day'])).toBe('19 uur per week, overdag')
    expect(workHoursText(30, ['day', 'evening', 'shifts'])).toBe("30 uur per week, overdag, 's avonds en in ploegen")
  })
})

describe('serializeJsonLd', () => {
  it('cannot be broken out of: </script> and <!-- never appear, and the value survives', () => {
    const hostile = { ...source, title: '</script><script>alert(1)</script>', description: '<!-- & \u2028 -->' }
    const json = serializeJsonLd(buildJobPosting(hostile))
    expect(json).not.toMatch(/<\/script/i)
    expect(json).not.toContain('<!--')
    expect(json).not.toMatch(/[<>&\u2028\u2029]/)
    const parsed = JSON.parse(json) as { title: string; description: string }
    expect(parsed.title).toBe(hostile.title)
    expect(parsed.description).toBe(hostile.description)
  })
})
