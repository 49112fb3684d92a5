import { describe, expect, it } from 'vitest'
import { parsePlacementRecord } from '#domain/placement-record'
import { csvColumns } from '#app/features/placement-import/csv'
import { decodeUtf8, detectFormat, parseImportFile } from '#app/features/placement-import/parse'
import type { ParsedFile } from '#app/features/placement-import/parsed'

const record = {
  externalId: 'p-1',
  employer: { name: 'Bakkerij Van Damme bv', enterpriseNumber: '0412.345.614', type: 'private' },
  title: 'Hulp in de bakkerij',
  occupation: 'http://data.europa.eu/esco/occupation/00030d09-2b3a-4efd-87cc-c4ea39d27c34',
  description: 'Brood en gebak mee helpen maken en verkopen.',
  location: { postcode: '9000', municipalityNis: '44021', lat: 51.05, lon: 3.72 },
  hoursPerWeek: 19.5,
  schedule: ['day', 'weekend'],
  dutchLevel: 'A2',
  instruments: ['TWE_ART60', 'WES'],
  places: 2,
  status: 'published',
}

function records(parsed: ParsedFile) {
  if (!parsed.ok) throw new Error(`expected a readable file, got line ${parsed.line}: ${parsed.reason}`)
  return parsed.records
}

describe('JSON arrays', () => {
  it('numbers records by their 1-based position', () => {
    const parsed = parseImportFile(JSON.stringify([record, { ...record, externalId: 'p-2' }], null, 2), 'plaatsen.json')
    expect(parsed).toMatchObject({ ok: true, format: 'json' })
    expect(records(parsed)).toEqual([
      { record: 1, value: record },
      { record: 2, value: { ...record, externalId: 'p-2' } },
    ])
  })

  it('names the line of a syntax error', () => {
    const text = '[\n  {"externalId": "a"},\n  {"externalId": "b",}\n]'
    expect(parseImportFile(text, 'plaatsen.json')).toEqual({ ok: false, line: 3, reason: expect.stringContaining('geen geldige JSON') })
    expect(parseImportFile('[\n{"a": 1},\n', 'x.json')).toMatchObject({ ok: false, line: 3 })
  })

  it('refuses a .json file that is not JSON', () => {
    expect(parseImportFile('externalId,title\n', 'plaatsen.json')).toMatchObject({ ok: false, line: 1 })
  })
})

describe('NDJSON', () => {
  it('numbers records by line, skipping blank lines, also with Windows line ends', () => {
    const text = `${JSON.stringify(record)}\r\n\r\n${JSON.stringify({ ...record, externalId: 'p-2' })}\r\n   \n${JSON.stringify({ ...record, externalId: 'p-3' })}`
    expect(records(parseImportFile(text, 'plaatsen.ndjson')).map((r) => r.record)).toEqual([1, 3, 5])
  })

  it('reports a broken line as that record and still reads the others', () => {
    const text = [JSON.stringify(record), '{"externalId": "p-2",', JSON.stringify(record)].join('\n')
    expect(records(parseImportFile(text, 'plaatsen.jsonl'))).toEqual([
      { record: 1, value: record },
      { record: 2, issue: { field: '(hele record)', reason: expect.stringContaining('geen geldige JSON') } },
      { record: 3, value: record },
    ])
  })

  it('reads a single (pretty-printed) object as one record', () => {
    expect(records(parseImportFile(JSON.stringify(record, null, 2), 'een.json'))).toEqual([{ record: 1, value: record }])
  })
})

const header = csvColumns.join(',')
const csvRow = (cells: Record<string, string>) => csvColumns.map((column) => cells[column] ?? '').join(',')
const bakery = {
  externalId: 'p-1',
  'employer.name': 'Bakkerij Van Damme bv',
  'employer.enterpriseNumber': '0412.345.614',
  'employer.type': 'private',
  title: 'Hulp in de bakkerij',
  occupation: record.occupation,
  description: 'Brood en gebak mee helpen maken en verkopen.',
  'location.postcode': '9000',
  'location.municipalityNis': '44021',
  'location.lat': '51.05',
  'location.lon': '3.72',
  hoursPerWeek: '19.5',
  schedule: 'day|weekend',
  dutchLevel: 'A2',
  instruments: 'TWE_ART60 | WES',
  places: '2',
  status: 'published',
}

describe('CSV', () => {
  it('has the flat columns of the format, in the order of the schema', () => {
    expect(csvColumns).toEqual([
      'externalId', 'employer.name', 'employer.enterpriseNumber', 'employer.type', 'title', 'occupation', 'description', 'tasks',
      'competences', 'location.postcode', 'location.municipalityNis', 'location.street', 'location.lat', 'location.lon', 'hoursPerWeek',
      'schedule', 'dutchLevel', 'instruments', 'places', 'startDate', 'support', 'status',
    ])
  })

  it('turns a row into the same record as the JSON format: nesting, | lists, numbers, empty cells absent', () => {
    const [row] = records(parseImportFile(`${header}\n${csvRow(bakery)}\n`, 'plaatsen.csv'))
    expect(row).toEqual({ record: 2, value: record })
    expect(parsePlacementRecord(row && 'value' in row ? row.value : null)).toEqual({ ok: true, record })
  })

  it('numbers records by the line they start on: header, blank lines and multi-line values count', () => {
    const multiLine = csvRow({ ...bakery, externalId: 'p-2', description: '"Eerste regel,\nTweede regel"' })
    const text = `${header}\n${csvRow(bakery)}\n\n${multiLine}\n${csvRow({ ...bakery, externalId: 'p-3' })}\n`
    const rows = records(parseImportFile(text, 'plaatsen.csv'))
    expect(rows.map((r) => r.record)).toEqual([2, 4, 6])
    expect(rows[1]).toMatchObject({ value: { description: 'Eerste regel,\nTweede regel' } })
  })

  it('reads a Dutch spreadsheet export: BOM, semicolons and decimal commas', () => {
    const semicolons = (cells: Record<string, string>) => csvColumns.map((column) => cells[column] ?? '').join(';')
    const text = `\uFEFF${csvColumns.join(';')}\r\n${semicolons({ ...bakery, hoursPerWeek: '19,5', 'location.lat': '51,05', 'location.lon': '3,72' })}\r\n;;;\r\n`
    expect(records(parseImportFile(text, 'export.csv'))).toEqual([{ record: 2, value: record }])
  })

  it('keeps a cell that is not a number as text, so the schema can say so', () => {
    const [row] = records(parseImportFile(`${header}\n${csvRow({ ...bakery, places: 'twee' })}`, 'plaatsen.csv'))
    expect(row).toMatchObject({ value: { places: 'twee' } })
  })

  it('refuses unknown columns on line 1', () => {
    const parsed = parseImportFile(`externalId,titel\np-1,Hulp\n`, 'plaatsen.csv')
    expect(parsed).toEqual({ ok: false, line: 1, reason: expect.stringMatching(/^Onbekende kolom "titel"\./) })
  })

  it('names the line where an unclosed quote starts, not the end of the file where the parser gave up', () => {
    const rows = [csvRow(bakery), csvRow({ ...bakery, title: '"Hulp' }), csvRow(bakery), csvRow(bakery)]
    const parsed = parseImportFile(`${header}\n${rows.join('\n')}\n`, 'plaatsen.csv')
    expect(parsed).toMatchObject({ ok: false, line: 3, reason: expect.stringContaining('aanhalingsteken') })
  })

  it('reports a row with more values than columns as that record', () => {
    const rows = records(parseImportFile(`${header}\n${csvRow(bakery)},extra\n${csvRow(bakery)}\n`, 'plaatsen.csv'))
    expect(rows[0]).toEqual({ record: 2, issue: { field: '(hele record)', reason: expect.stringContaining(`de kopregel maar ${csvColumns.length} kolommen`) } })
    expect(rows[1]).toMatchObject({ record: 3, value: record })
  })
})

describe('format detection and decoding', () => {
  it('goes by the extension and sniffs the rest', () => {
    expect(detectFormat('a.csv', '[')).toBe('csv')
    expect(detectFormat('a.json', '[{}]')).toBe('json')
    expect(detectFormat('a.json', '{"a":1}\n{"a":2}')).toBe('ndjson')
    expect(detectFormat('a.NDJSON', '{}')).toBe('ndjson')
    expect(detectFormat('upload', '  [{}]')).toBe('json')
    expect(detectFormat('upload', '{}')).toBe('ndjson')
    expect(detectFormat('upload.txt', 'externalId,title')).toBe('csv')
  })

  it('treats an empty file as no records', () => {
    expect(parseImportFile(' \n', 'leeg.csv')).toEqual({ ok: true, format: 'json', records: [] })
  })

  it('accepts UTF-8 and refuses other encodings', () => {
    expect(decodeUtf8(new TextEncoder().encode('Zelzate – één'))).toEqual({ ok: true, text: 'Zelzate – één' })
    expect(decodeUtf8(Uint8Array.from([0x65, 0xe9, 0x6e]))).toMatchObject({ ok: false, reason: expect.stringContaining('UTF-8') })
  })
})
