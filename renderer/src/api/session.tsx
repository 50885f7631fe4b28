import { createContext, useContext, type ReactNode } from 'react';
import type { Staff } from '../../../shared/api/contract.js';

export interface SignedIn {
  staff: Staff;
  /** Fetches the signed-in staff member again, e.g. after an admin changed their own functions. */
  refresh(): Promise<void>;
  signOut(): Promise<void>;
  /** Locks at once (the status bar's button): the same as the idle lock. */
  lock(): Promise<void>;
}

const SessionContext = createContext<SignedIn | null>(null);

export function SessionProvider({ value, children }: { value: SignedIn; children: ReactNode }) {
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The signed-in staff member; only screens inside the shell use it. */
export function useSession(): SignedIn {
  const session = useContext(SessionContext);
  if (session === null) throw new Error('useSession() is only available inside the app shell.');
  return session;
}
