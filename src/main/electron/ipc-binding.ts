import type { Core } from '../core/app';
import { AppError, ErrorCodes, type Result } from '../../shared/errors';

/** The channel names, written once here and used by the preload too. */
export const CALL_CHANNEL = 'linli:call';
export const EVENT_CHANNEL = 'linli:event';

/** The part of Electron's ipcMain this binding uses: lets tests bind it without Electron. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}
export interface IpcEventLike {
  senderFrame: { url: string } | null;
  sender: { id: number };
}

/**
 * One IPC handler for the whole contract. It dispatches by method name, refuses frames that are not the
 * app's own page, and always resolves to a Result (an Error thrown across ipcMain.handle loses its code).
 */
export function bindIpc(ipcMain: IpcMainLike, core: Core, isAppUrl: (url: string) => boolean): () => void {
  ipcMain.handle(CALL_CHANNEL, async (event, payload): Promise<Result<unknown>> => {
    if (!event.senderFrame || !isAppUrl(event.senderFrame.url)) {
      return { ok: false, error: new AppError(ErrorCodes.forbidden, 'Calls are only accepted from the app window').toPayload() };
    }
    const { method, input, sessionToken } = (payload ?? {}) as { method?: unknown; input?: unknown; sessionToken?: unknown };
    return core.call({ method: String(method), input, sessionToken: typeof sessionToken === 'string' ? sessionToken : null });
  });
  return () => ipcMain.removeHandler(CALL_CHANNEL);
}
