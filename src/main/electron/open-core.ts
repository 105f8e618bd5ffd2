import path from 'node:path';
import { dialog } from 'electron';
import { createCore, type Core, type CoreOptions } from '../core/app';
import { backupFolderFor } from '../core/paths';
import { AppError } from '../../shared/errors';
import { translator, type Locale } from '../../shared/i18n/translate';
import { mayRestoreOver, RECOVERABLE_OPEN_ERRORS, restoreInPlace } from './startup';
import { databaseFilters, electronTexts } from './strings';

/**
 * Opens the core, and when the file cannot be opened asks what to do: restore a verified backup in its
 * place (the broken file is only renamed aside), open another file, or quit. A file from a newer Linli is
 * never replaced. Resolves to null when the user quits.
 */
export async function openCoreWithRecovery(databasePath: string, options: Omit<CoreOptions, 'databasePath'>, locale: Locale): Promise<Core | null> {
  const t = translator(locale);
  const text = electronTexts(locale);
  const s = text.startup;
  const message = (err: AppError): string => t(`errors.${err.code}`, err.params ?? {});
  const pickFile = async (title: string, defaultPath: string): Promise<string | null> => {
    const r = await dialog.showOpenDialog({ title, defaultPath, properties: ['openFile'], filters: databaseFilters(text) });
    return r.canceled || r.filePaths.length === 0 ? null : r.filePaths[0];
  };
  let current = databasePath;
  for (;;) {
    try {
      return await createCore({ ...options, databasePath: current });
    } catch (err) {
      if (!(err instanceof AppError)) {
        dialog.showErrorBox(s.fatalTitle, `${current}\n\n${(err as Error)?.stack ?? String(err)}`);
        return null;
      }
      const restorable = mayRestoreOver(err.code);
      const buttons = restorable ? [s.restoreFromBackup, s.openOther, s.quit] : [s.openOther, s.quit];
      const { response } = await dialog.showMessageBox({
        type: 'error',
        title: s.openFailedTitle,
        message: RECOVERABLE_OPEN_ERRORS.has(err.code) ? message(err) : `${message(err)}\n${err.message}`,
        detail: current,
        buttons,
        defaultId: 0,
        cancelId: buttons.length - 1,
        noLink: true,
      });
      const choice = buttons[response];
      if (choice === s.restoreFromBackup) {
        const backup = await pickFile(s.chooseBackupTitle, backupFolderFor(current));
        if (!backup) continue;
        try {
          const { movedAsideTo } = restoreInPlace(current, backup, new Date());
          await dialog.showMessageBox({ type: 'info', title: s.restoredTitle, message: s.restored(backup, movedAsideTo), buttons: [text.ok], noLink: true });
        } catch (restoreErr) {
          const text = restoreErr instanceof AppError ? message(restoreErr) : String((restoreErr as Error)?.message ?? restoreErr);
          dialog.showErrorBox(s.restoreFailedTitle, text);
        }
      } else if (choice === s.openOther) {
        const other = await pickFile(s.chooseDatabaseTitle, path.dirname(current));
        if (other) current = other;
      } else {
        return null;
      }
    }
  }
}
