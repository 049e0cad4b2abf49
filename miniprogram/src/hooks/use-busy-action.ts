import { useState } from 'react';

/**
 * One action at a time: `busy` while it runs. When the server refuses it, the API client has
 * already shown why; `onRefused` runs (e.g. to reload) and whatever was typed stays.
 */
export function useBusyAction(onRefused: () => void): {
  busy: boolean;
  run: (action: () => Promise<void>) => Promise<void>;
} {
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
    } catch {
      onRefused();
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}
