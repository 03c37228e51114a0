/**
 * The Content-Security-Policy nonce for React: the server renders the page inside a provider
 * with this response's nonce; in the browser it is empty (browsers hide nonce attributes, and
 * scripts added after hydration come from 'self').
 */
import { createContext, useContext } from "react";

const NonceContext = createContext<string | undefined>(undefined);

export const NonceProvider = NonceContext.Provider;

/** The response's nonce; undefined in the browser and in renders shared by many readers (no attribute at all). */
export function useNonce(): string | undefined {
  return useContext(NonceContext) || undefined;
}
