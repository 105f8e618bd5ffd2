import { contextBridge, ipcRenderer } from 'electron';
import { methodNames } from '../shared/contract';
import type { LinliBridge } from '../shared/contract/bridge';

// Channel names: kept in step with src/main/electron/ipc-binding.ts and host-channels.ts.
const CALL = 'linli:call';
const EVENT = 'linli:event';
const known = new Set<string>(methodNames);

const bridge: LinliBridge = {
  call(method, input, sessionToken) {
    if (!known.has(method))
      return Promise.resolve({ ok: false, error: { code: 'contract.unknown_method', message: String(method), params: { method: String(method) } } });
    return ipcRenderer.invoke(CALL, { method, input, sessionToken });
  },
  onEvent(listener) {
    const wrapped = (_e: unknown, event: { name: never; payload: never }) => listener(event.name, event.payload);
    ipcRenderer.on(EVENT, wrapped);
    return () => ipcRenderer.removeListener(EVENT, wrapped);
  },
  setSession(sessionToken) {
    ipcRenderer.send('linli:set-session', sessionToken);
  },
  setLanguage(language) {
    ipcRenderer.send('linli:set-language', language);
  },
  host: {
    kind: 'electron',
    saveExport: (file, sessionToken) => ipcRenderer.invoke('linli:save-export', { fileId: file.fileId, fileName: file.fileName, sessionToken }),
    chooseFolder: () => ipcRenderer.invoke('linli:choose-folder'),
    chooseBackupFile: () => ipcRenderer.invoke('linli:choose-backup-file'),
  },
};

contextBridge.exposeInMainWorld('linli', bridge);
