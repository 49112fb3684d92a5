import { createContext, useContext } from 'react'

/**
 * The Content-Security-Policy nonce of the page being rendered (server/security-headers.ts makes one per
 * response). Only the server knows it: in the browser it is undefined, and the scripts that need it were
 * already in the server's HTML (the browser hides nonce attributes, so hydration sees no difference).
 */
const NonceContext = createContext<string | undefined>(undefined)

export const NonceProvider = NonceContext.Provider
export const useNonce = () => useContext(NonceContext)
