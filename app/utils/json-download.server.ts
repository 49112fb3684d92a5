/** A JSON export as a file to save: pretty-printed, never cached, named by the caller after an id (no person's name). */
export function jsonDownload(data: unknown, filename: string) {
  return new Response(`${JSON.stringify(data, null, 2)}\n`, {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'no-store',
    },
  })
}
