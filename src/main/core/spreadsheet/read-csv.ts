import { parse } from 'csv-parse';
import { AppError } from '../../../shared/errors';
import { SheetCollector } from './collect';
import type { HeaderTest, Sheet, SheetRow, SheetSink } from './sheet';

type Encoding = NonNullable<Sheet['encoding']>;
type Separator = NonNullable<Sheet['separator']>;

/**
 * CSV as Excel, WPS and LibreOffice write it: UTF-8 with or without a BOM, GBK (what Chinese Excel writes
 * by default), or UTF-16 ("Unicode text"); separated by commas, tabs or semicolons. UTF-8 is tried first
 * and strictly: GBK bytes are never valid UTF-8 for Chinese text, so a failure means GBK.
 */
export function decodeText(buf: Uint8Array): { text: string; encoding: Encoding } {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(buf.subarray(3)), encoding: 'utf-8-bom' };
  if (buf[0] === 0xff && buf[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(buf.subarray(2)), encoding: 'utf-16le' };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(buf.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gbk').decode(buf), encoding: 'gbk' };
  }
}

/** The separator that splits the first non-empty line most often (outside quotes); a comma if none does. */
export function detectSeparator(text: string): Separator {
  const counts: Record<Separator, number> = { ',': 0, '\t': 0, ';': 0 };
  let quoted = false;
  let started = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      if (started) break;
    } else if (!quoted && ch in counts) counts[ch as Separator]++;
    if (ch.trim()) started = true;
  }
  const best = (Object.keys(counts) as Separator[]).sort((a, b) => counts[b] - counts[a])[0];
  return counts[best] > 0 ? best : ',';
}

const CHUNK = 32 * 1024;

/**
 * Every line ending ends a row outside quotes, whichever it is: a file pasted together from Windows, Unix
 * and old Mac sources mixes \r\n, \n and \r, and csv-parse left to itself takes the first one it meets as
 * the only one (8 rows read out of 21). \r\n is listed first so that it is one ending, not two.
 */
const LINE_ENDINGS = ['\r\n', '\n', '\r'];

/** Parses with csv-parse's stream API, fed in small pieces so the main process is never held up long. */
async function records(text: string, separator: Separator, onRecord: (cells: string[], index: number) => boolean): Promise<void> {
  const parser = parse({ delimiter: separator, record_delimiter: LINE_ENDINGS, relax_column_count: true, relax_quotes: true, skip_empty_lines: false });
  let stopped = false;
  const feeding = (async () => {
    for (let i = 0; i < text.length; i += CHUNK) {
      if (stopped || parser.destroyed) return;
      if (!parser.write(text.slice(i, i + CHUNK))) {
        await new Promise((r) => {
          parser.once('drain', r);
          parser.once('close', r);
        });
      }
      await new Promise((r) => setImmediate(r));
    }
    if (!parser.destroyed) parser.end();
  })();
  let index = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      index++;
      if (!onRecord(record, index)) {
        stopped = true;
        break;
      }
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('import.not_spreadsheet', `The CSV cannot be read: ${(err as Error).message}`);
  } finally {
    stopped = true;
    parser.destroy();
    await feeding.catch(() => {});
  }
}

/** With a sink, the rows go to it as they are read and the sheet returned has none. */
export async function readCsv(buf: Uint8Array, isHeader: HeaderTest, sink?: SheetSink): Promise<Sheet> {
  const { text, encoding } = decodeText(buf);
  if (!/[^\s,;\t"]/.test(text)) throw new AppError('import.empty', 'The file has no rows');
  const separator = detectSeparator(text);
  // The row number is the record's position: Excel shows a record with a line break inside as one row.
  const read = async (collector: SheetCollector) => {
    await records(text, separator, (cells, index) => collector.push(index, cells));
    return collector;
  };
  const stream = sink && {
    onStart: (headerRow: number, headers: string[]) => sink.start({ format: 'csv', sheetName: null, headerRow, headers, encoding, separator }),
    onRow: (row: SheetRow) => sink.row(row),
  };
  let collector = await read(new SheetCollector(isHeader, false, stream));
  if (collector.state !== 'reading') collector = await read(new SheetCollector(isHeader, true, stream));
  if (collector.state !== 'reading') throw new AppError('import.empty', 'The file has no rows');
  collector.finish();
  return { format: 'csv', sheetName: null, headerRow: collector.headerRow, headers: collector.headers, rows: collector.rows, encoding, separator };
}
