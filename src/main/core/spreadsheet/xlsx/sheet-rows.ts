/**
 * A worksheet's XML events (its <sheetData>) as numbered rows of CellValue: shared, inline and formula
 * text, numbers, booleans, errors, dates (numbers whose cell style has a date format), and formulas
 * without a cached result. Cell positions come from their references ("C5"), or follow the last cell.
 */
import type { Handler } from 'htmlparser2';
import type { CellValue } from '../sheet';
import { serialDate } from './date-formats';
import type { Workbook } from './workbook';
import { appendText, lines, localName } from './xml-parts';

/** Where a cell's text goes. */
const Into = { Nothing: 0, Value: 1, Formula: 2, InlineText: 3 } as const;
/** Whose attributes are coming. */
const Opening = { Other: 0, Row: 1, Cell: 2 } as const;

/**
 * A worksheet's <sheetData> as rows of cells. Attributes are taken as they come (no object per element),
 * and a cell's value is made when the cell closes. A row's cells run up to its last cell with a value.
 */
export class SheetRows implements Partial<Handler> {
  private queue: { row: number; cells: CellValue[] }[] = [];
  private inData = false;
  private inRow = false;
  private rowNumber = 0;
  private rowRef: string | null = null;
  private cells: CellValue[] = [];
  private nextColumn = 0;
  private opening: number = Opening.Other;

  private inCell = false;
  private ref: string | null = null;
  private type: string | null = null;
  private style: string | null = null;
  private hasValue = false;
  private value = '';
  private hasFormula = false;
  private formula = '';
  private hasInline = false;
  private inline = '';
  private phonetic = 0;
  private into: number = Into.Nothing;

  constructor(private readonly book: Workbook) {}

  /** The rows read since the last call. */
  take(): { row: number; cells: CellValue[] }[] {
    const rows = this.queue;
    this.queue = [];
    return rows;
  }

  onopentagname(name: string): void {
    this.opening = Opening.Other;
    switch (localName(name)) {
      case 'c':
        if (!this.inRow) return;
        this.inCell = true;
        this.opening = Opening.Cell;
        this.ref = this.type = this.style = null;
        this.hasValue = this.hasFormula = this.hasInline = false;
        this.value = this.formula = this.inline = '';
        this.phonetic = 0;
        return;
      case 'v':
        if (!this.inCell) return;
        this.hasValue = true;
        this.value = '';
        this.into = Into.Value;
        return;
      case 'f':
        if (!this.inCell) return;
        this.hasFormula = true;
        this.formula = '';
        this.into = Into.Formula;
        return;
      case 'is':
        if (!this.inCell) return;
        this.hasInline = true;
        this.inline = '';
        return;
      case 't':
        if (this.inCell && this.hasInline && this.phonetic === 0) this.into = Into.InlineText;
        return;
      case 'rPh':
        if (this.inCell) this.phonetic++;
        return;
      case 'row':
        if (!this.inData) return;
        this.inRow = true;
        this.opening = Opening.Row;
        this.rowRef = null;
        this.cells = [];
        this.nextColumn = 0;
        return;
      case 'sheetData':
        this.inData = true;
        return;
    }
  }

  onattribute(name: string, value: string): void {
    if (this.opening === Opening.Cell) {
      if (name === 'r') this.ref = value;
      else if (name === 't') this.type = value;
      else if (name === 's') this.style = value;
    } else if (this.opening === Opening.Row && name === 'r') {
      this.rowRef = value;
    }
  }

  ontext(data: string): void {
    switch (this.into) {
      case Into.Value:
        this.value = appendText(this.value, data, 'sheet');
        break;
      case Into.Formula:
        this.formula = appendText(this.formula, data, 'sheet');
        break;
      case Into.InlineText:
        this.inline = appendText(this.inline, data, 'sheet');
        break;
    }
  }

  onclosetag(name: string): void {
    switch (localName(name)) {
      case 'v':
      case 'f':
      case 't':
        this.into = Into.Nothing;
        return;
      case 'rPh':
        if (this.phonetic > 0) this.phonetic--;
        return;
      case 'c':
        if (!this.inCell) return;
        this.inCell = false;
        this.into = Into.Nothing;
        this.endCell();
        return;
      case 'row':
        if (!this.inRow) return;
        this.inRow = false;
        this.endRow();
        return;
      case 'sheetData':
        this.inData = false;
        return;
    }
  }

  private endCell(): void {
    const column = this.ref === null ? -1 : refColumn(this.ref);
    const at = column >= 0 ? column : this.nextColumn;
    this.nextColumn = at + 1;
    const v = this.cellValue();
    if (v === null) return;
    const cells = this.cells;
    while (cells.length < at) cells.push(null);
    cells[at] = v;
  }

  private endRow(): void {
    const n = this.rowRef === null ? NaN : parseInt(this.rowRef, 10);
    this.rowNumber = n > 0 ? n : this.rowNumber + 1;
    this.queue.push({ row: this.rowNumber, cells: this.cells });
  }

  private cellValue(): CellValue {
    if (!this.hasFormula) return this.cached();
    const cached = this.hasValue || this.hasInline ? this.cached() : null;
    return cached === null ? { formula: this.formula } : cached;
  }

  /** The cell's value as the file holds it (for a formula, its last result). */
  private cached(): CellValue {
    const text = this.value;
    switch (this.type) {
      case 's': {
        if (!this.hasValue) return null;
        return this.book.strings[parseInt(text, 10)] ?? null;
      }
      case 'inlineStr':
        if (this.hasInline) return lines(this.inline);
        return this.hasValue ? lines(text) : null;
      case 'str':
        return this.hasValue ? lines(text) : null;
      case 'b':
        if (!this.hasValue || text === '') return null;
        return Number(text) !== 0 && text.trim() !== 'false';
      case 'e':
        return this.hasValue ? { error: text } : null;
      case 'd':
        if (!this.hasValue || text === '') return null;
        return /^\d{4}-\d\d-\d\d/.test(text) ? { date: text.slice(0, 10) } : text;
      default: {
        if (!this.hasValue) return null;
        const n = parseFloat(text);
        if (Number.isNaN(n)) return null;
        const style = this.style === null ? 0 : parseInt(this.style, 10);
        return this.book.dateStyles[style] ? serialDate(n, this.book.date1904) : n;
      }
    }
  }
}

/** "C5" → 2; -1 without column letters. */
function refColumn(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else break;
  }
  return n - 1;
}
