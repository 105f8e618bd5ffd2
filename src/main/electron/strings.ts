import { translator, type Locale } from '../../shared/i18n/translate';

// Words of the native shell (menus, start-up dialogs, pickers), read from `electron.*` in the shared locale
// files (src/shared/i18n/{zh-CN,en}.json) through the shared translator, as the command line reads `cli.*`.
// The shell speaks the language the user chose in the window (see language.ts); Chinese until then.

/** The product's name, the same in both languages. */
export const PRODUCT_NAME = '邻里 Linli';

export function electronTexts(locale: Locale) {
  const t = translator(locale);
  return {
    menu: {
      file: t('electron.menu.file'),
      openDataFolder: t('electron.menu.openDataFolder'),
      openBackupFolder: t('electron.menu.openBackupFolder'),
      quit: t('electron.menu.quit'),
      edit: t('electron.menu.edit'),
      undo: t('electron.menu.undo'),
      redo: t('electron.menu.redo'),
      cut: t('electron.menu.cut'),
      copy: t('electron.menu.copy'),
      paste: t('electron.menu.paste'),
      selectAll: t('electron.menu.selectAll'),
      view: t('electron.menu.view'),
      reload: t('electron.menu.reload'),
      devTools: t('electron.menu.devTools'),
      resetZoom: t('electron.menu.resetZoom'),
      zoomIn: t('electron.menu.zoomIn'),
      zoomOut: t('electron.menu.zoomOut'),
      fullScreen: t('electron.menu.fullScreen'),
      help: t('electron.menu.help'),
      about: t('electron.menu.about'),
    },
    about: (version: string, database: string, schema: number) => t('electron.about', { version, database, schema }),
    ok: t('electron.ok'),
    startup: {
      openFailedTitle: t('electron.startup.openFailedTitle'),
      restoreFromBackup: t('electron.startup.restoreFromBackup'),
      openOther: t('electron.startup.openOther'),
      quit: t('electron.startup.quit'),
      chooseBackupTitle: t('electron.startup.chooseBackupTitle'),
      chooseDatabaseTitle: t('electron.startup.chooseDatabaseTitle'),
      restoredTitle: t('electron.startup.restoredTitle'),
      restored: (backup: string, aside: string) => t('electron.startup.restored', { backup, aside }),
      restoreFailedTitle: t('electron.startup.restoreFailedTitle'),
      fatalTitle: t('electron.startup.fatalTitle'),
    },
    dialogs: {
      saveExportTitle: t('electron.dialogs.saveExportTitle'),
      chooseFolderTitle: t('electron.dialogs.chooseFolderTitle'),
      chooseBackupTitle: t('electron.dialogs.chooseBackupTitle'),
    },
    fileTypes: {
      database: t('electron.fileTypes.database'),
      all: t('electron.fileTypes.all'),
      pdf: t('electron.fileTypes.pdf'),
      docx: t('electron.fileTypes.docx'),
      xlsx: t('electron.fileTypes.xlsx'),
      csv: t('electron.fileTypes.csv'),
    },
  };
}

export type ElectronTexts = ReturnType<typeof electronTexts>;

/** Open-dialog filters for a Linli data file or backup. */
export function databaseFilters(text: ElectronTexts): { name: string; extensions: string[] }[] {
  return [
    { name: text.fileTypes.database, extensions: ['sqlite', 'db'] },
    { name: text.fileTypes.all, extensions: ['*'] },
  ];
}

/** Save-dialog filters for an export, by its extension. */
export function exportFilters(fileName: string, text: ElectronTexts): { name: string; extensions: string[] }[] {
  const ext = (/\.([A-Za-z0-9]+)$/.exec(fileName)?.[1] ?? '').toLowerCase();
  const names: Record<string, string> = { pdf: text.fileTypes.pdf, docx: text.fileTypes.docx, xlsx: text.fileTypes.xlsx, csv: text.fileTypes.csv };
  const all = { name: text.fileTypes.all, extensions: ['*'] };
  return ext ? [{ name: names[ext] ?? ext.toUpperCase(), extensions: [ext] }, all] : [all];
}
