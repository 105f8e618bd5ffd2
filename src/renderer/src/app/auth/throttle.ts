import { ApiError } from '../../api/client';

/** Seconds to wait from an `auth.throttled` error, or null for any other failure. */
export function throttledSeconds(err: unknown): number | null {
  if (!(err instanceof ApiError) || err.code !== 'auth.throttled') return null;
  const seconds = Number(err.payload.params?.seconds);
  return Number.isFinite(seconds) && seconds > 0 ? seconds : null;
}
