// Dates are shown in Belgian time and Dutch wording, whatever the server's time zone.
const dateTime = new Intl.DateTimeFormat('nl-BE', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Brussels' })

export const formatDateTime = (value: string | Date) => dateTime.format(new Date(value))
