import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  ImageRun,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { CellValue, ReportColumn, TableReport } from '../model';
import { DEFAULT_TIME_ZONE, formatCell, formatDate, formatDateTime, isNumericColumn } from '../format-cell';

// A4 in twips (1/20 pt); docx swaps width/height itself for landscape sections.
const A4 = { width: 11906, height: 16838 };
const MARGIN = 1134; // 2 cm
// Word picks the East Asian font per character: without `eastAsia` Chinese falls
// back to whatever the reader's default is (often a ugly MS Mincho on Japanese systems).
const FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体', cs: 'Times New Roman' };
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' }; // size in 1/8 pt

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

function alignOf(col: ReportColumn) {
  return ALIGN[col.align ?? (isNumericColumn(col) ? 'right' : col.kind === 'date' || col.kind === 'datetime' ? 'center' : 'left')];
}

function para(
  text: string,
  opts: { size?: number; bold?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; color?: string; after?: number } = {},
) {
  return new Paragraph({
    alignment: opts.align,
    spacing: { after: opts.after ?? 0 },
    children: [new TextRun({ text, size: opts.size, bold: opts.bold, color: opts.color })],
  });
}

/** Splits a label like '第 {n} 页' around the page-number field, which Word fills in at print time. */
function labelRun(label: string, field: (typeof PageNumber)[keyof typeof PageNumber]): TextRun {
  const [before, after] = label.includes('{n}') ? label.split('{n}', 2) : [`${label} `, ''];
  return new TextRun({ size: 18, children: [before, field, after] });
}

function tableRow(report: TableReport, values: Record<string, CellValue>, kind: 'header' | 'body' | 'totals'): TableRow {
  const tz = report.timeZone ?? DEFAULT_TIME_ZONE;
  return new TableRow({
    tableHeader: kind === 'header', // repeats on every page
    cantSplit: true,
    children: report.columns.map(
      (col) =>
        new TableCell({
          verticalAlign: VerticalAlign.CENTER,
          shading: kind === 'body' ? undefined : { type: ShadingType.CLEAR, fill: kind === 'header' ? 'EEEEEE' : 'F6F6F6', color: 'auto' },
          children: [
            para(kind === 'header' ? col.header : formatCell(values[col.key] ?? null, col, tz), {
              size: 18,
              bold: kind !== 'body',
              align: kind === 'header' ? AlignmentType.CENTER : alignOf(col),
            }),
          ],
        }),
    ),
  });
}

function table(report: TableReport, contentWidth: number): Table {
  const weights = report.columns.map((c) => Math.max(1, c.width ?? 10));
  const sum = weights.reduce((a, b) => a + b, 0);
  const rows = [tableRow(report, {}, 'header'), ...report.rows.map((r) => tableRow(report, r, 'body'))];
  if (report.totals) {
    const totals = { ...report.totals };
    const first = report.columns[0];
    if (first && (totals[first.key] === undefined || totals[first.key] === null)) totals[first.key] = report.labels.total;
    rows.push(tableRow(report, totals, 'totals'));
  }
  return new Table({
    width: { size: contentWidth, type: WidthType.DXA },
    columnWidths: weights.map((w) => Math.floor((w / sum) * contentWidth)),
    borders: { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE },
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    rows,
  });
}

function seal(dataUrl: string | undefined): Paragraph[] {
  const m = dataUrl?.match(/^data:image\/png;base64,([A-Za-z0-9+/=]+)$/);
  if (!m) return [];
  const data = Uint8Array.from(Buffer.from(m[1], 'base64'));
  return [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new ImageRun({ type: 'png', data, transformation: { width: 120, height: 120 } })] })];
}

export async function tableToDocx(report: TableReport): Promise<Uint8Array> {
  const tz = report.timeZone ?? DEFAULT_TIME_ZONE;
  const landscape = report.orientation === 'landscape';
  const contentWidth = (landscape ? A4.height : A4.width) - 2 * MARGIN;
  const lh = report.letterhead;
  const footerLeft = [lh.communityName, lh.complaintPhone].filter(Boolean).join('　');

  const doc = new Document({
    creator: report.generatedBy,
    title: report.title,
    styles: { default: { document: { run: { font: FONT, size: 21, language: { value: 'zh-CN', eastAsia: 'zh-CN' } } } } },
    sections: [
      {
        properties: {
          page: {
            size: { ...A4, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
            margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN, header: 567, footer: 567 },
          },
        },
        headers: { default: new Header({ children: [para(report.title, { size: 16, align: AlignmentType.RIGHT, color: '666666' })] }) },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  labelRun(report.labels.page, PageNumber.CURRENT),
                  new TextRun({ text: ' / ', size: 18 }),
                  labelRun(report.labels.of, PageNumber.TOTAL_PAGES),
                ],
              }),
              para(footerLeft, { size: 16, align: AlignmentType.CENTER, color: '444444' }),
            ],
          }),
        },
        children: [
          para(lh.communityName, { size: 32, bold: true, align: AlignmentType.CENTER, color: 'CC0000' }),
          ...(lh.streetOffice ? [para(lh.streetOffice, { size: 18, align: AlignmentType.CENTER })] : []),
          new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: 'CC0000', space: 4 } }, spacing: { after: 200 }, children: [] }),
          para(report.title, { size: 36, bold: true, align: AlignmentType.CENTER, after: 60 }),
          ...(report.subtitle ? [para(report.subtitle, { size: 22, align: AlignmentType.CENTER, after: 60 })] : []),
          ...report.meta.map((m) => para(`${m.label}：${m.value}`, { size: 19 })),
          para('', { after: 80 }),
          table(report, contentWidth),
          ...(report.notes ?? []).map((n) => para(n, { size: 18 })),
          para('', { after: 300 }),
          ...seal(lh.sealImageDataUrl),
          para(lh.unitName, { align: AlignmentType.RIGHT }),
          para(formatDate(report.generatedAt, tz), { align: AlignmentType.RIGHT, after: 200 }),
          para(`${report.labels.generatedBy}：${report.generatedBy}　${report.labels.generatedAt}：${formatDateTime(report.generatedAt, tz)}`, {
            size: 18,
            align: AlignmentType.RIGHT,
            color: '333333',
          }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
