import { useState } from 'react';
import type { ChainCheck } from '@shared/contract/audit';
import { api } from '../../api/client';

/** Runs audit.verify on request; the button sits in the page header, the verdict under it. */
export function useChainCheck() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [results, setResults] = useState<ChainCheck[] | null>(null);

  async function verify() {
    setBusy(true);
    setError(null);
    setResults(null);
    try {
      setResults(await api.call('audit.verify', {}));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return { busy, error, results, verify, dismiss: () => (setResults(null), setError(null)) };
}
