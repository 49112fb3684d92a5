const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Ids arrive from URLs and forms; anything but a UUID is simply not found (PostgreSQL would refuse it). */
export const isUuid = (value: string | undefined | null): value is string => typeof value === 'string' && UUID.test(value)
