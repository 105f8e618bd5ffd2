// IPC channels of the Electron host beyond the contract call (which lives in ./ipc-binding.ts). The
// preload (src/preload/index.ts) uses the same strings; tests/unit/electron checks they stay in step.

/** renderer → main (send): the session this window belongs to, or null after signing out. */
export const SET_SESSION_CHANNEL = 'linli:set-session';
/** renderer → main (send): the language the user chose ('zh-CN' or 'en'), for the menu and dialogs. */
export const SET_LANGUAGE_CHANNEL = 'linli:set-language';
/** renderer → main (invoke): save a finished export through a save dialog. */
export const SAVE_EXPORT_CHANNEL = 'linli:save-export';
/** renderer → main (invoke): pick a folder (a backup onto a USB stick). */
export const CHOOSE_FOLDER_CHANNEL = 'linli:choose-folder';
/** renderer → main (invoke): pick a backup file to restore. */
export const CHOOSE_BACKUP_FILE_CHANNEL = 'linli:choose-backup-file';
