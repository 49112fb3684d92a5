// Routes reach the database through this .server module, which Remix keeps out of the browser bundle.
export { db } from '#db/client'
