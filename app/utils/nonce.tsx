/**
 * The Content-Security-Policy nonce for React: the server renders the page inside a provider
 * with this response's nonce; in the browser it is empty (browsers hide nonce attributes, and
 * scripts added after hydration come from 'self').
 */
import { createContext, useContext } from "react";

const NonceContext = createContext("");

export const NonceProvider = NonceContext.Provider;

export function useNonce(): string {
  return useContext(NonceContext);
}
