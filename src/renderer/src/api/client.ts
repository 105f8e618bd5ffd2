import type { Input, MethodName, Output } from '@shared/contract';
import type { ErrorPayload } from '@shared/errors';
import { noteCall } from './read-areas';
import { detectTransport, type EventListener, type Transport } from './transport';

/** A failed call, carrying the contract's error payload (code, params, field errors). */
export class ApiError extends Error {
  constructor(readonly payload: ErrorPayload) {
    super(payload.message);
  }
  get code() {
    return this.payload.code;
  }
}

let transport: Transport | null = null;
let sessionToken: string | null = null;
const sessionListeners = new Set<(code: string) => void>();

function current(): Transport {
  transport ??= detectTransport();
  return transport;
}

/** The one client for the whole contract, whichever host the page runs in. */
export const api = {
  async call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> {
    noteCall(method);
    const result = await current().call(method, input, sessionToken);
    if (result.ok) return result.value as Output<M>;
    // A lost or locked session is the shell's business, wherever it happens.
    if (['auth.no_session', 'auth.locked'].includes(result.error.code)) for (const l of sessionListeners) l(result.error.code);
    throw new ApiError(result.error);
  },
  setSession(token: string | null) {
    sessionToken = token;
  },
  session(): string | null {
    return sessionToken;
  },
  onSessionProblem(listener: (code: string) => void): () => void {
    sessionListeners.add(listener);
    return () => sessionListeners.delete(listener);
  },
  subscribe(listener: EventListener): () => void {
    return current().subscribe(sessionToken, listener);
  },
  transport(): Transport {
    return current();
  },
};
