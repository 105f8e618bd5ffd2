import ExcelJS from 'exceljs';
import type { CellValue, ReportColumn, TableReport } from '../model';
import { DEFAULT_TIME_ZONE, fillLabel, formatCell, formatDate, isNumericColumn } from '../format-cell';

const FONT = '宋体'; // what Chinese Excel/WPS users expect; other platforms substitute a CJK font
const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** Excel forbids []:*?/\ in sheet names, leading/trailing apostrophes, and more than 31 characters. */
export function sheetName(title: string): string {
  const cleaned = title
    .replace(/[[\]:*?/\\]/g, ' ')
    .replace(/^'+|'+$/g, '')
    .trim();
  return Array.from(cleaned).slice(0, 31).join('').trim() || 'Sheet1';
}

/** In Excel header/footer strings '&' starts a code, so literal ampersands are doubled. */
function hfText(text: string): string {
  return text.replace(/&/g, '&&');
}

/**
 * Numbers stay numbers so Excel can sum them. Fen is written as fen / 100 with
 * numFmt '#,##0.00': the division is not exact in binary, but every fen below
 * 2^53 / 100 is the closest double to its yuan value, so it prints (and
 * round-trips through Math.round(x * 100)) exactly with two decimals.
 * Dates and datetimes are written as text ('YYYY-MM-DD'), not Excel serials:
 * serial dates carry no time zone and Chinese-locale tools re-format them unpredictably.
 */
function xlsxValue(value: CellValue | undefined, col: ReportColumn, tz: string): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' && col.kind === 'fen') return value / 100;
  if (typeof value === 'number' && col.kind === 'integer') return Math.trunc(value);
  return formatCell(value, col, tz);
}

export async function tableToXlsx(report: TableReport): Promise<Uint8Array> {
  const tz = report.timeZone ?? DEFAULT_TIME_ZONE;
  const cols = report.columns;
  const n = Math.max(1, cols.length);
  const wb = new ExcelJS.Workbook();
  wb.creator = report.generatedBy;
  wb.created = new Date(report.generatedAt);
  const ws = wb.addWorksheet(sheetName(report.title), {
    views: [{ state: 'frozen', ySplit: 4 }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: report.orientation ?? 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0, // as many pages tall as needed
      printTitlesRow: '4:4',
      margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    },
    headerFooter: {
      oddHeader: `&R&9${hfText(report.title)}`,
      oddFooter:
        `&L&9${hfText([report.letterhead.communityName, report.letterhead.complaintPhone].filter(Boolean).join('  '))}` +
        `&C&9${fillLabel(hfText(report.labels.page), '&P')} / ${fillLabel(hfText(report.labels.of), '&N')}`,
    },
  });
  ws.columns = cols.map((c) => ({ key: c.key, width: Math.max(6, (c.width ?? 10) + 2) }));

  // Rows 1–3: letterhead, title, meta — each merged across the table width.
  const banner = (row: number, text: string, font: Partial<ExcelJS.Font>, height: number) => {
    ws.mergeCells(row, 1, row, n);
    const cell = ws.getCell(row, 1);
    cell.value = text;
    cell.font = { name: FONT, ...font };
    cell.alignment = { horizontal: row === 3 ? 'left' : 'center', vertical: 'middle', wrapText: true };
    ws.getRow(row).height = height;
  };
  banner(1, report.letterhead.communityName, { size: 12, bold: true, color: { argb: 'FFCC0000' } }, 22);
  banner(2, report.subtitle ? `${report.title}（${report.subtitle}）` : report.title, { size: 16, bold: true }, 28);
  banner(3, report.meta.map((m) => `${m.label}：${m.value}`).join('    '), { size: 10 }, 18);

  const header = ws.getRow(4);
  cols.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { name: FONT, bold: true, size: 10 };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEEEEE' } };
  });
  header.height = 20;

  const writeRow = (values: Record<string, CellValue>, bold: boolean) => {
    const row = ws.addRow(cols.map((c) => xlsxValue(values[c.key], c, tz)));
    cols.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      cell.font = { name: FONT, size: 10, bold };
      cell.border = BORDER;
      cell.alignment = { vertical: 'middle', wrapText: true, horizontal: c.align ?? (isNumericColumn(c) ? 'right' : 'left') };
      if (c.kind === 'fen') cell.numFmt = '#,##0.00';
      else if (c.kind === 'integer') cell.numFmt = '0';
    });
  };
  for (const r of report.rows) writeRow(r, false);
  if (report.totals) {
    const totals = { ...report.totals };
    const first = cols[0];
    if (first && (totals[first.key] === undefined || totals[first.key] === null)) totals[first.key] = report.labels.total;
    writeRow(totals, true);
  }

  const trailer = [
    ...(report.notes ?? []),
    `${report.labels.generatedBy}：${report.generatedBy}    ${report.labels.generatedAt}：${formatCell(report.generatedAt, { key: '', header: '', kind: 'datetime' }, tz)}`,
    `${report.letterhead.unitName}    ${formatDate(report.generatedAt, tz)}`,
  ];
  ws.addRow([]);
  for (const text of trailer) {
    const row = ws.addRow([text]);
    ws.mergeCells(row.number, 1, row.number, n);
    row.getCell(1).font = { name: FONT, size: 9 };
    row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
  }

  const buf = await wb.xlsx.writeBuffer();
  // In Node this is a Buffer (a Uint8Array); copying detaches it from Buffer's shared pool.
  return new Uint8Array(buf);
}
