import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, session, webContents } from 'electron';
import type { Core } from '../core/app';
import { bindIpc } from './ipc-binding';
import { bindHostIpc, forwardEvents, WindowSessions, type HostDialogs } from './host-ipc';
import { languageFile, readShellLanguage, saveShellLanguage } from './language';
import { buildMenu } from './menu';
import { launchUtilityProcess } from './import-process';
import { openCoreWithRecovery } from './open-core';
import { createElectronPdfRenderer } from './pdf';
import { registerAppScheme, serveAppProtocol } from './protocol';
import { APP_START_URL, appUrlCheck } from './security';
import { startupDatabasePath } from './startup';
import { databaseFilters, electronTexts, exportFilters, PRODUCT_NAME, type ElectronTexts } from './strings';
import { createHardenedWindow, hardenContents, hardenSession } from './window';

// The Electron host: one instance, one window, the core behind IPC. Built to out/main/index.js.

const here = path.dirname(fileURLToPath(import.meta.url)); // out/main
const rendererDir = path.join(here, '../renderer');
const preloadPath = path.join(here, '../preload/index.cjs');
const dev = !app.isPackaged;
// `electron-vite dev` serves the renderer from Vite on loopback; a packaged app only ever loads app://.
const devServerUrl = dev ? (process.env.ELECTRON_RENDERER_URL ?? null) : null;
const isAppUrl = appUrlCheck(devServerUrl);
// The shell speaks the language last chosen in the window (Chinese until one is), and follows a change.
const chosenLanguageFile = languageFile(app.getPath('userData'));
let language = readShellLanguage(chosenLanguageFile);
let text = electronTexts(language);

// Before ready: the privileged scheme, sandbox for every renderer, and guards on every webContents.
registerAppScheme();
app.enableSandbox();
app.on('web-contents-created', (_event, contents) => hardenContents(contents, isAppUrl));

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void start().catch((err: unknown) => {
    console.error('[linli] start-up failed:', err);
    dialog.showErrorBox(text.startup.fatalTitle, String((err as Error)?.stack ?? err));
    app.exit(1);
  });
}

async function start(): Promise<void> {
  let mainWindow: BrowserWindow | null = null;
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  await app.whenReady();
  hardenSession(session.defaultSession);
  Menu.setApplicationMenu(null);

  const core = await openCoreWithRecovery(
    startupDatabasePath(process.argv),
    { pdf: createElectronPdfRenderer(), workers: { launchImportProcess: launchUtilityProcess } },
    language,
  );
  if (!core) {
    app.quit();
    return;
  }

  serveAppProtocol(session.defaultSession, rendererDir);
  const sessions = new WindowSessions();
  const unbindCall = bindIpc(ipcMain, core, isAppUrl);
  const menuFor = () =>
    buildMenu({
      dev,
      databasePath: core.services.paths.database,
      backupFolder: core.services.paths.backupFolder,
      schemaVersion: () => core.services.schemaVersion,
      text,
    });
  const onLanguage = (chosen: typeof language) => {
    if (chosen === language) return;
    language = chosen;
    text = electronTexts(chosen);
    saveShellLanguage(chosenLanguageFile, chosen);
    Menu.setApplicationMenu(menuFor());
  };
  const unbindHost = bindHostIpc({ ipcMain, core, isAppUrl, dialogs: electronDialogs(core, () => text), sessions, onLanguage });
  const stopEvents = forwardEvents(core, sessions, (id, channel, message) => {
    const contents = webContents.fromId(id);
    if (contents && !contents.isDestroyed()) contents.send(channel, message);
  });
  const stopBackups = core.startBackupSchedule();
  Menu.setApplicationMenu(menuFor());

  const openWindow = (): BrowserWindow => {
    const win = createHardenedWindow({ kind: 'app', title: PRODUCT_NAME, preload: preloadPath, devTools: dev, isAppUrl });
    const id = win.webContents.id;
    // A new document starts signed out until its renderer says otherwise.
    win.webContents.on('did-start-navigation', (details) => {
      if (details.isMainFrame && !details.isSameDocument) sessions.set(id, null);
    });
    win.webContents.once('destroyed', () => sessions.forget(id));
    win.on('closed', () => {
      if (mainWindow === win) mainWindow = null;
    });
    win.loadURL(devServerUrl ?? APP_START_URL).catch((err: unknown) => console.error('[linli] the app page did not load:', err));
    return win;
  };
  mainWindow = openWindow();

  app.on('window-all-closed', () => app.quit());
  let closed = false;
  let closing = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    if (closing) return;
    closing = true;
    const shutDown = async () => {
      stopEvents();
      unbindHost();
      unbindCall();
      // Awaited so that, once the schedule's stop waits for a backup in flight, quitting never cuts one off.
      await stopBackups();
      await core.close();
    };
    shutDown()
      .catch((err: unknown) => console.error('[linli] closing the database failed:', err))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });
}

/** Native dialogs for the renderer's host calls, parented to the window that asked, in the shell's language. */
function electronDialogs(core: Core, currentText: () => ElectronTexts): HostDialogs {
  const owner = (id: number): BrowserWindow | null => {
    const contents = webContents.fromId(id);
    return contents ? BrowserWindow.fromWebContents(contents) : null;
  };
  const open = async (id: number, options: Electron.OpenDialogOptions): Promise<string | null> => {
    const win = owner(id);
    const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return r.canceled || r.filePaths.length === 0 ? null : r.filePaths[0];
  };
  return {
    async saveFile(id, suggestedName) {
      const options: Electron.SaveDialogOptions = {
        title: currentText().dialogs.saveExportTitle,
        defaultPath: path.join(app.getPath('documents'), suggestedName),
        filters: exportFilters(suggestedName, currentText()),
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const win = owner(id);
      const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return r.canceled || !r.filePath ? null : r.filePath;
    },
    chooseFolder: (id) => open(id, { title: currentText().dialogs.chooseFolderTitle, properties: ['openDirectory', 'createDirectory'] }),
    chooseBackupFile: (id) =>
      open(id, {
        title: currentText().dialogs.chooseBackupTitle,
        defaultPath: core.services.paths.backupFolder,
        properties: ['openFile'],
        filters: databaseFilters(currentText()),
      }),
  };
}
