/** A browser's cookies: name → value. */
export type CookieJar = Map<string, string>

/** Takes in the Set-Cookie lines of an answer as a browser does: a cookie set empty or with Max-Age=0 is gone. */
export function keepCookies(jar: CookieJar, setCookie: string[]) {
  for (const line of setCookie) {
    const [pair = ''] = line.split(';')
    const at = pair.indexOf('=')
    const [name, value] = [pair.slice(0, at), pair.slice(at + 1)]
    if (value === '' || /max-age=0/i.test(line)) jar.delete(name)
    else jar.set(name, value)
  }
}

/** The Cookie header a browser would send with this jar. */
export const cookieHeader = (jar: CookieJar) => [...jar].map(([name, value]) => `${name}=${value}`).join('; ')
