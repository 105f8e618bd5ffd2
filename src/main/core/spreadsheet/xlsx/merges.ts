/**
 * A sheet's merged cells: the <mergeCells> element found in the sheet's bytes as they are inflated
 * (sheetMerges), and MergeFiller, which fills each merged data cell with its range's top-left value.
 * read-xlsx.ts refuses a merge that touches the header row.
 */
import { AppError } from '../../../../shared/errors';
import type { CellValue } from '../sheet';
import { entryChunks, PART_CAPS, type ZipEntry } from './zip';

export interface MergeRange {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
  ref: string;
}

export async function sheetMerges(entry: ZipEntry): Promise<MergeRange[]> {
  const part = await mergeCellsElement(entry);
  if (!part) return [];
  const out: MergeRange[] = [];
  for (const m of part.matchAll(/<(?:[A-Za-z_][\w.-]*:)?mergeCell\b[^>]*?\sref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/g)) {
    out.push({ c1: columnIndex(m[1]), r1: Number(m[2]), c2: columnIndex(m[3]), r2: Number(m[4]), ref: `${m[1]}${m[2]}:${m[3]}${m[4]}` });
  }
  return out;
}

const NAME = Buffer.from('mergeCells');
const LT = 0x3c;
const COLON = 0x3a;
const SLASH = 0x2f;
const PREFIX_MAX = 32;
/** Excel allows about a million merged ranges (some 30 MB of XML): more is not a register. */
const MERGES_MAX_BYTES = 64 * 1024 * 1024;

/** Where "<mergeCells" or "<prefix:mergeCells" starts in the window, and its prefix. */
function findOpen(window: Buffer): { at: number; prefix: string } | null {
  for (let i = window.indexOf(NAME); i >= 1; i = window.indexOf(NAME, i + 1)) {
    if (window[i - 1] === LT) return { at: i - 1, prefix: '' };
    if (window[i - 1] !== COLON) continue;
    let j = i - 2;
    while (j > 0 && j > i - PREFIX_MAX && window[j] !== LT && window[j] !== SLASH && window[j] > 0x20) j--;
    if (window[j] === LT) return { at: j, prefix: window.toString('latin1', j + 1, i) };
  }
  return null;
}

/**
 * The sheet's <mergeCells> element (it follows <sheetData>, at the end), found while the sheet is
 * inflated piece by piece: a 100,000-row sheet is never held whole (65 MB of XML), and no step takes long.
 */
async function mergeCellsElement(entry: ZipEntry): Promise<string | null> {
  const keep = NAME.length + PREFIX_MAX;
  let carry = Buffer.alloc(0);
  let found: Buffer[] | null = null;
  let close: Buffer | null = null;
  for await (const chunk of entryChunks(entry, PART_CAPS.sheet)) {
    if (found) {
      found.push(chunk);
    } else {
      const window = Buffer.concat([carry, chunk]);
      const open = findOpen(window);
      if (!open) {
        carry = window.subarray(Math.max(0, window.length - keep));
        continue;
      }
      found = [window.subarray(open.at)];
      close = Buffer.from(`</${open.prefix}mergeCells>`);
    }
    const text = Buffer.concat(found);
    if (text.length > MERGES_MAX_BYTES)
      throw new AppError('import.too_large', 'The merged cells list is too large', { params: { part: 'mergeCells', max: MERGES_MAX_BYTES / 1024 / 1024 } });
    const end = text.indexOf(close!);
    if (end >= 0) return text.toString('utf8', 0, end + close!.length);
    found = [text];
  }
  return found ? Buffer.concat(found).toString('utf8') : null;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/**
 * Fills merged data cells with their top-left value. Merges are taken in row order and dropped once
 * passed, so a sheet with thousands of merged households costs little per row.
 */
export class MergeFiller {
  private readonly pending: MergeRange[];
  private active: { m: MergeRange; value: CellValue }[] = [];

  constructor(merges: MergeRange[]) {
    this.pending = [...merges].sort((a, b) => b.r1 - a.r1); // popped from the end, lowest row first
  }

  apply(rowNumber: number, cells: CellValue[]): void {
    while (this.pending.length && this.pending[this.pending.length - 1].r1 <= rowNumber) {
      const m = this.pending.pop()!;
      if (m.r2 >= rowNumber) this.active.push({ m, value: m.r1 === rowNumber ? (cells[m.c1] ?? null) : null });
    }
    if (!this.active.length) return;
    this.active = this.active.filter((a) => a.m.r2 >= rowNumber);
    for (const a of this.active) {
      for (let c = a.m.c1; c <= a.m.c2; c++) {
        while (cells.length <= c) cells.push(null);
        cells[c] = a.value;
      }
    }
  }
}
