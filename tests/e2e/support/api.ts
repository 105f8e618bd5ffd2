import type { ServedLinli } from './linli-serve';

/**
 * Calls the running `linli serve` the way the page does (token header, session header). For arranging
 * what a test starts from; what the test is about is done through the screens.
 */
export async function callApi<T = unknown>(linli: ServedLinli, method: string, input: unknown, session?: string): Promise<T> {
  const token = new URL(linli.url).searchParams.get('token')!;
  const res = await fetch(`${linli.origin}/api/call`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-linli-token': token, ...(session ? { 'x-linli-session': session } : {}) },
    body: JSON.stringify({ method, input }),
  });
  const result = (await res.json()) as { ok: boolean; value?: T; error?: { code: string; message: string } };
  if (!result.ok) throw new Error(`${method}: ${result.error?.code} ${result.error?.message}`);
  return result.value as T;
}
