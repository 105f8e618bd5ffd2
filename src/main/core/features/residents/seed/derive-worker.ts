/**
 * A worker thread for `linli seed`: derives resident columns (encryption, look-up hash, pinyin keys) for
 * batches the main thread sends. It builds the app's own field cipher from the database's key file, so
 * the values are exactly what the main thread would store; the pool checks that before using it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createFieldCipher } from '../../../crypto/field-cipher';
import { loadOrCreateKey } from '../../../crypto/key-file';
import { SeedDeriver } from './derive';
import type { ResidentFields } from '../prepare';

interface Init {
  keyFile: string;
  today: string;
}

const init = workerData as Init | null;
if (parentPort && init) {
  const port = parentPort;
  const secrets = createFieldCipher(loadOrCreateKey(init.keyFile));
  const deriver = new SeedDeriver(secrets, init.today);
  port.on('message', (m: { id: number; fields?: ResidentFields[]; probe?: string }) => {
    try {
      if (m.probe !== undefined) port.postMessage({ id: m.id, hash: secrets.lookupHash(m.probe) });
      else port.postMessage({ id: m.id, columns: m.fields!.map((f) => deriver.columns(f)) });
    } catch (err) {
      port.postMessage({ id: m.id, error: (err as Error).message });
    }
  });
}
