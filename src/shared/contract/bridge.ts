import type { Result } from '../errors';
import type { Input, MethodName, Output } from './index';
import type { EventName, EventMap } from './events';
import type { ExportedFile } from './reports';
import type { Locale } from '../i18n/translate';

/**
 * The one object the preload puts on `window.linli`. Its `call` accepts only contract method names (the
 * preload checks, main checks again); nothing else of Electron or Node reaches the page.
 */
export interface LinliBridge {
  call<M extends MethodName>(method: M, input: Input<M>, sessionToken: string | null): Promise<Result<Output<M>>>;
  onEvent(listener: <K extends EventName>(name: K, payload: EventMap[K]) => void): () => void;
  /** Tells main which session this window belongs to, so it only receives that session's events. */
  setSession(sessionToken: string | null): void;
  /** Tells the desktop shell the language the user chose, so its menu and dialogs speak it too. */
  setLanguage(language: Locale): void;
  host: {
    kind: 'electron';
    /** Opens a save dialog and writes an exported file there. Resolves to the chosen path, or null. */
    saveExport(file: ExportedFile, sessionToken: string): Promise<string | null>;
    /** A folder picker (for a backup to a USB stick). */
    chooseFolder(): Promise<string | null>;
    /** A file picker for a backup to restore. */
    chooseBackupFile(): Promise<string | null>;
  };
}
