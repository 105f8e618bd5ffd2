import type { ServedLinli } from './linli-serve';

const browsers = new WeakMap<ServedLinli, Promise<{ cookie: string; key: string }>>();

/** The credentials a browser gets for a link of its own: the cookie and the key from the redirect. */
function browserFor(linli: ServedLinli): Promise<{ cookie: string; key: string }> {
  let b = browsers.get(linli);
  if (!b) {
    b = linli.newLink().then(async (link) => {
      const res = await fetch(link, { redirect: 'manual' });
      return { cookie: res.headers.get('set-cookie')!.split(';')[0], key: res.headers.get('location')!.replace('/#key=', '') };
    });
    browsers.set(linli, b);
  }
  return b;
}

/**
 * Calls the running `linli serve` the way the page does (token header, session header). For arranging
 * what a test starts from; what the test is about is done through the screens.
 */
export async function callApi<T = unknown>(linli: ServedLinli, method: string, input: unknown, session?: string): Promise<T> {
  const b = await browserFor(linli);
  const res = await fetch(`${linli.origin}/api/call`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: b.cookie,
      'x-linli-key': b.key,
      origin: linli.origin,
      ...(session ? { 'x-linli-session': session } : {}),
    },
    body: JSON.stringify({ method, input }),
  });
  const result = (await res.json()) as { ok: boolean; value?: T; error?: { code: string; message: string } };
  if (!result.ok) throw new Error(`${method}: ${result.error?.code} ${result.error?.message}`);
  return result.value as T;
}
