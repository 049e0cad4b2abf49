import { useSyncExternalStore } from 'react';
import { getSession, type StoredSession, subscribeSession } from '../lib/session';

export function useSession(): StoredSession | null {
  return useSyncExternalStore(subscribeSession, getSession, getSession);
}
