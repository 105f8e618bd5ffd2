import { app, dialog, Menu, shell, type MenuItemConstructorOptions } from 'electron';
import { PRODUCT_NAME, type ElectronTexts } from './strings';

export interface MenuContext {
  /** Development only (never in a packaged app): reload and the developer tools. */
  dev: boolean;
  databasePath: string;
  backupFolder: string;
  schemaVersion: () => number;
  /** The shell's words in the language the user chose (文件 / 编辑 / 视图 / 帮助 in Chinese). */
  text: ElectronTexts;
}

/** The application menu: file, edit, view, help. */
export function buildMenu(ctx: MenuContext): Menu {
  const m = ctx.text.menu;
  const template: MenuItemConstructorOptions[] = [
    {
      label: m.file,
      submenu: [
        { label: m.openDataFolder, click: () => shell.showItemInFolder(ctx.databasePath) },
        { label: m.openBackupFolder, click: () => void shell.openPath(ctx.backupFolder) },
        { type: 'separator' },
        { label: m.quit, role: 'quit', accelerator: 'CmdOrCtrl+Q' },
      ],
    },
    {
      label: m.edit,
      submenu: [
        { label: m.undo, role: 'undo' },
        { label: m.redo, role: 'redo' },
        { type: 'separator' },
        { label: m.cut, role: 'cut' },
        { label: m.copy, role: 'copy' },
        { label: m.paste, role: 'paste' },
        { label: m.selectAll, role: 'selectAll' },
      ],
    },
    {
      label: m.view,
      submenu: [
        ...(ctx.dev
          ? ([{ label: m.reload, role: 'reload' }, { label: m.devTools, role: 'toggleDevTools' }, { type: 'separator' }] satisfies MenuItemConstructorOptions[])
          : []),
        { label: m.resetZoom, role: 'resetZoom' },
        { label: m.zoomIn, role: 'zoomIn' },
        { label: m.zoomOut, role: 'zoomOut' },
        { type: 'separator' },
        { label: m.fullScreen, role: 'togglefullscreen' },
      ],
    },
    {
      label: m.help,
      submenu: [
        {
          label: m.about,
          click: () =>
            void dialog.showMessageBox({
              type: 'info',
              title: m.about,
              message: PRODUCT_NAME,
              detail: ctx.text.about(app.getVersion(), ctx.databasePath, ctx.schemaVersion()),
              buttons: [ctx.text.ok],
              noLink: true,
            }),
        },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
