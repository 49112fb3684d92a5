import schema from '#docs/schemas/placement.schema.json'

/** Public: the exchange format of a placement, the contract that import files (and the API) follow. */
export function loader() {
  return new Response(`${JSON.stringify(schema, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/schema+json; charset=utf-8', 'Cache-Control': 'public, max-age=3600' },
  })
}
