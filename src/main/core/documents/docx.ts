import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  HeightRule,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  UnderlineType,
  VerticalAlign,
  WidthType,
  type IBorderOptions,
} from 'docx';
import { fenToChineseUppercase } from '../../../shared/values/money-words';
import { formatFen } from '../../../shared/values/money';
import type { Block, DocumentModel, Inline } from './model';
import { DOCX_FONTS } from './fonts';
import { cellText, columnAlign, safeSealImage } from './html/blocks';
import { OFFICIAL_GRID, pageSetup, PAPER_MM, typeArea, type PageSetup } from './html/page-setup';
import { qrPng } from './qr';

// The same document as the PDF, for Word, WPS and LibreOffice: the page setup of the layout (GB/T 9704 for
// 'official': margins, 3号仿宋 on a 22-line grid, 小标宋 title, "— 1 —" outside on odd and even pages), the
// same fonts by their Chinese names, the QR code as a PNG.

const TWIPS_PER_MM = 1440 / 25.4;
const twips = (mm: number) => Math.round(mm * TWIPS_PER_MM);
type Align = (typeof AlignmentType)[keyof typeof AlignmentType];
const ALIGN: Record<'left' | 'center' | 'right' | 'justify', Align> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
};
const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const THICK: IBorderOptions = { style: BorderStyle.SINGLE, size: 12, color: '000000' };
const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const RED = 'D00000';

/** East Asian text in the office font; digits and Latin in Times New Roman, as offices set them. */
function font(eastAsia: string) {
  return { ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: 'Times New Roman', eastAsia };
}

interface Look {
  body: string;
  /** Half-points. */
  size: number;
  /** Exact line pitch in twips, or undefined for single spacing. */
  line?: number;
  tableSize: number;
  titleFont: string;
  titleSize: number;
  titleBold: boolean;
  headingFonts: [string, string, string];
  indentBody: boolean;
}

function lookOf(doc: DocumentModel, setup: PageSetup): Look {
  switch (doc.layout) {
    case 'official': {
      const pitch = Math.round((typeArea(setup).height / OFFICIAL_GRID.lines) * TWIPS_PER_MM);
      return {
        body: DOCX_FONTS.fangsong,
        size: OFFICIAL_GRID.fontPt * 2,
        line: pitch,
        tableSize: 24,
        titleFont: DOCX_FONTS.title,
        titleSize: 44,
        titleBold: false,
        headingFonts: [DOCX_FONTS.hei, DOCX_FONTS.kai, DOCX_FONTS.fangsong],
        indentBody: true,
      };
    }
    case 'form':
      return {
        body: DOCX_FONTS.song,
        size: 24,
        tableSize: 22,
        titleFont: DOCX_FONTS.song,
        titleSize: 44,
        titleBold: true,
        headingFonts: [DOCX_FONTS.song, DOCX_FONTS.song, DOCX_FONTS.song],
        indentBody: false,
      };
    case 'poster':
      return {
        body: DOCX_FONTS.fangsong,
        size: 44,
        line: 770,
        tableSize: 32,
        titleFont: DOCX_FONTS.hei,
        titleSize: 128,
        titleBold: true,
        headingFonts: [DOCX_FONTS.hei, DOCX_FONTS.hei, DOCX_FONTS.hei],
        indentBody: true,
      };
  }
}

function text(t: string, look: Look, opts: { font?: string; size?: number; bold?: boolean; underline?: boolean; color?: string } = {}): TextRun {
  return new TextRun({
    text: t,
    font: font(opts.font ?? look.body),
    size: opts.size ?? look.size,
    bold: opts.bold,
    color: opts.color,
    underline: opts.underline ? { type: UnderlineType.SINGLE } : undefined,
  });
}

function spacing(look: Look, before = 0) {
  return look.line ? { line: look.line, lineRule: LineRuleType.EXACT, before, after: 0 } : { before, after: 0 };
}

function inlineRun(run: Inline, look: Look): TextRun {
  return typeof run === 'string' ? text(run, look) : text(run.text, look, { bold: run.bold, underline: run.underline });
}

function cellParagraph(t: string, look: Look, align: Align, bold = false): Paragraph {
  return new Paragraph({ alignment: align, children: [text(t, look, { size: look.tableSize, bold })] });
}

function gridTable(block: Extract<Block, { kind: 'table' }>, look: Look, width: number): Table {
  const weights = block.columns.map((c) => Math.max(1, c.width ?? 10));
  const sum = weights.reduce((a, b) => a + b, 0);
  const bodyHeight = block.rowHeightMm ? { value: twips(block.rowHeightMm), rule: HeightRule.ATLEAST } : undefined;
  const row = (cells: (string | number | null)[], bold: boolean) =>
    new TableRow({
      cantSplit: true,
      height: bold ? undefined : bodyHeight,
      children: block.columns.map(
        (col, i) =>
          new TableCell({
            verticalAlign: VerticalAlign.CENTER,
            children: [cellParagraph(cellText(cells[i] ?? null, col.kind), look, ALIGN[columnAlign(col)], bold)],
          }),
      ),
    });
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: block.columns.map(
      (c) => new TableCell({ verticalAlign: VerticalAlign.CENTER, children: [cellParagraph(c.header, look, AlignmentType.CENTER, true)] }),
    ),
  });
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: weights.map((w) => Math.floor((w / sum) * width)),
    borders: { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE },
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    rows: [header, ...block.rows.map((r) => row(r, false)), ...(block.totals ? [row(block.totals, true)] : [])],
  });
}

/** A form's label–value grid: pairs per row, a wide pair alone across the row. */
function fieldsTable(block: Extract<Block, { kind: 'fields' }>, look: Look, width: number): Table {
  const columns = block.columns ?? 2;
  const labelWidth = twips(24);
  const valueWidth = Math.floor((width - labelWidth * columns) / columns);
  const rows: (typeof block.fields)[] = [];
  for (const f of block.fields) {
    const last = rows[rows.length - 1];
    if (!f.wide && last && last.length < columns && !last[0].wide) last.push(f);
    else rows.push([f]);
  }
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: Array.from({ length: columns }, () => [labelWidth, valueWidth]).flat(),
    borders: { top: THICK, bottom: LINE, left: THICK, right: THICK, insideHorizontal: LINE, insideVertical: LINE },
    margins: { top: 100, bottom: 100, left: 120, right: 120 },
    rows: rows.map(
      (pairs) =>
        new TableRow({
          cantSplit: true,
          children: pairs.flatMap((f, j) => [
            new TableCell({ verticalAlign: VerticalAlign.CENTER, children: [cellParagraph(f.label, look, AlignmentType.CENTER)] }),
            new TableCell({
              verticalAlign: VerticalAlign.CENTER,
              columnSpan: j === pairs.length - 1 ? (columns - pairs.length) * 2 + 1 : 1,
              children: [cellParagraph(f.value, look, AlignmentType.LEFT)],
            }),
          ]),
        }),
    ),
  });
}

function amountTable(block: Extract<Block, { kind: 'amount' }>, look: Look, width: number): Table {
  const widths = [twips(24), 0, twips(12), twips(34)];
  widths[1] = width - widths[0] - widths[2] - widths[3];
  const cell = (t: string, align: Align, bold = false) =>
    new TableCell({
      verticalAlign: VerticalAlign.CENTER,
      children: [new Paragraph({ alignment: align, children: [text(t, look, { size: bold ? 26 : look.tableSize, bold })] })],
    });
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    borders: { top: LINE, bottom: THICK, left: THICK, right: THICK, insideHorizontal: LINE, insideVertical: LINE },
    margins: { top: 120, bottom: 120, left: 120, right: 120 },
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          cell(block.wordsLabel, AlignmentType.CENTER),
          cell(fenToChineseUppercase(block.fen, true), AlignmentType.LEFT, true),
          cell(block.figuresLabel, AlignmentType.CENTER),
          cell(formatFen(block.fen), AlignmentType.RIGHT, true),
        ],
      }),
    ],
  });
}

function signaturesTable(block: Extract<Block, { kind: 'signatures' }>, look: Look, width: number): Table {
  const each = Math.floor(width / Math.max(1, block.signers.length));
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: block.signers.map(() => each),
    borders: { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE },
    rows: [
      new TableRow({
        children: block.signers.map(
          (s) =>
            new TableCell({
              children: [
                new Paragraph({ children: [text(`${s.role}：`, look), text(s.name ? `  ${s.name}  ` : '            ', look, { underline: true })] }),
                ...(s.date ? [new Paragraph({ children: [text(s.date, look)] })] : []),
              ],
            }),
        ),
      }),
    ],
  });
}

function dataUrlPng(dataUrl: string | undefined): Uint8Array | null {
  const m = safeSealImage(dataUrl)?.match(/^data:image\/png;base64,(.+)$/);
  return m ? Uint8Array.from(Buffer.from(m[1], 'base64')) : null;
}

async function blockParts(block: Block, doc: DocumentModel, look: Look, width: number): Promise<(Paragraph | Table)[]> {
  switch (block.kind) {
    case 'heading':
      return [
        new Paragraph({
          spacing: spacing(look),
          indent: doc.layout === 'form' ? undefined : { firstLine: look.size * 20 },
          keepNext: true,
          children: [text(block.text, look, { font: look.headingFonts[block.level - 1], bold: doc.layout === 'form' })],
        }),
      ];
    case 'paragraph':
      return [
        new Paragraph({
          spacing: spacing(look),
          alignment: ALIGN[block.align ?? 'justify'],
          // Two characters of the body size: size is in half-points, indent in twips (20 per point).
          indent: paragraphIndent(block.indent ?? look.indentBody, block.hanging ?? 0, look.size),
          children: block.content.map((r) => inlineRun(r, look)),
        }),
      ];
    case 'table':
      return [
        ...(block.caption ? [new Paragraph({ alignment: AlignmentType.CENTER, children: [text(block.caption, look, { bold: true })] })] : []),
        gridTable(block, look, width),
      ];
    case 'fields':
      if (doc.layout === 'form') return [fieldsTable(block, look, width)];
      return block.fields.map(
        (f) => new Paragraph({ spacing: spacing(look), children: [text(`${f.label}：`, look, { font: DOCX_FONTS.hei }), text(f.value, look)] }),
      );
    case 'amount':
      if (doc.layout === 'form') return [amountTable(block, look, width)];
      return [
        new Paragraph({
          spacing: spacing(look),
          indent: { firstLine: look.size * 20 },
          children: [text(`${block.wordsLabel}：${fenToChineseUppercase(block.fen, true)}　${block.figuresLabel}：${formatFen(block.fen)}`, look)],
        }),
      ];
    case 'signatures':
      return [new Paragraph({ spacing: spacing(look), children: [] }), signaturesTable(block, look, width)];
    case 'seal': {
      // 成文日期 4 characters in from the right, the unit's name centred over it.
      const right = { right: look.size * 20 * 4 };
      const png = dataUrlPng(doc.letterhead.sealImageDataUrl);
      const sealImage = png && new ImageRun({ type: 'png', data: png, transformation: { width: 120, height: 120 } });
      return [
        new Paragraph({ spacing: spacing(look), children: [] }),
        ...(sealImage ? [new Paragraph({ alignment: AlignmentType.RIGHT, indent: right, children: [sealImage] })] : []),
        new Paragraph({ spacing: spacing(look), alignment: AlignmentType.RIGHT, indent: right, children: [text(block.unitName, look)] }),
        new Paragraph({ spacing: spacing(look), alignment: AlignmentType.RIGHT, indent: right, children: [text(block.date, look)] }),
      ];
    }
    case 'qr': {
      const px = doc.layout === 'poster' ? 190 : 95;
      const png = await qrPng(block.data, px * 2);
      return [
        new Paragraph({ alignment: AlignmentType.RIGHT, children: [new ImageRun({ type: 'png', data: png, transformation: { width: px, height: px } })] }),
        ...(block.caption ? [new Paragraph({ alignment: AlignmentType.RIGHT, children: [text(block.caption, look, { size: 18 })] })] : []),
      ];
    }
    case 'spacer':
      return Array.from({ length: block.lines ?? 1 }, () => new Paragraph({ spacing: spacing(look), children: [] }));
    case 'pageBreak':
      return [new Paragraph({ pageBreakBefore: true, children: [] })];
  }
}

function head(doc: DocumentModel, look: Look): Paragraph[] {
  const out: Paragraph[] = [];
  if (doc.stamp) {
    out.push(new Paragraph({ alignment: AlignmentType.RIGHT, children: [text(`【${doc.stamp}】`, look, { font: DOCX_FONTS.hei, color: RED, bold: true })] }));
  }
  const unit = doc.letterhead.communityName;
  if (doc.layout === 'form') {
    if (unit) out.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [text(unit, look)] }));
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ text: doc.title, font: font(look.titleFont), size: look.titleSize, bold: true, underline: { type: UnderlineType.DOUBLE } })],
      }),
    );
    if (doc.serial) out.push(new Paragraph({ alignment: AlignmentType.RIGHT, children: [text(`No. ${doc.serial}`, look, { color: 'C00000' })] }));
    if (doc.subtitle) out.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 120 }, children: [text(doc.subtitle, look, { size: 22 })] }));
    return out;
  }
  if (unit) {
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        // 版头分隔线: the red rule under the issuing unit's name.
        border: doc.layout === 'official' || doc.layout === 'poster' ? { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 6 } } : undefined,
        spacing: { after: 240 },
        children: [new TextRun({ text: unit, font: font(DOCX_FONTS.title), size: doc.layout === 'poster' ? 80 : 60, color: RED, bold: true })],
      }),
    );
  }
  out.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: look.line ?? 240 },
      children: [
        new TextRun({
          text: doc.title,
          font: font(look.titleFont),
          size: look.titleSize,
          bold: look.titleBold,
          color: doc.layout === 'poster' ? 'C00000' : undefined,
        }),
      ],
    }),
  );
  if (doc.subtitle) out.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: spacing(look), children: [text(doc.subtitle, look)] }));
  out.push(new Paragraph({ spacing: spacing(look), children: [] }));
  return out;
}

/** GB/T 9704 page numbers: "— 1 —" in 4号宋体, one character in from the outer edge (right on odd pages, left on even). */
function officialFooters() {
  const number = (align: Align, indent: { left?: number; right?: number }) =>
    new Footer({
      children: [
        new Paragraph({
          alignment: align,
          indent,
          children: [new TextRun({ font: font(DOCX_FONTS.song), size: 28, children: ['— ', PageNumber.CURRENT, ' —'] })],
        }),
      ],
    });
  return { default: number(AlignmentType.RIGHT, { right: 280 }), even: number(AlignmentType.LEFT, { left: 280 }) };
}

function formFooter(doc: DocumentModel) {
  const part = (label: string, field: (typeof PageNumber)[keyof typeof PageNumber]) => {
    const [before, after] = label.includes('{n}') ? label.split('{n}', 2) : [`${label} `, ''];
    return new TextRun({ font: font(DOCX_FONTS.song), size: 18, children: [before, field, after] });
  };
  return {
    default: new Footer({
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [part(doc.labels.page, PageNumber.CURRENT), new TextRun({ text: ' / ', size: 18 }), part(doc.labels.of, PageNumber.TOTAL_PAGES)],
        }),
      ],
    }),
  };
}

export async function documentToDocx(doc: DocumentModel): Promise<Uint8Array> {
  const setup = pageSetup(doc);
  const look = lookOf(doc, setup);
  const paper = PAPER_MM[setup.paper];
  const width = twips(typeArea(setup).width);
  const m = setup.margin;
  const children: (Paragraph | Table)[] = [...head(doc, look)];
  for (const block of doc.blocks) children.push(...(await blockParts(block, doc, look, width)));

  const official = doc.layout === 'official';
  const document = new Document({
    title: doc.title,
    evenAndOddHeaderAndFooters: official,
    styles: { default: { document: { run: { font: font(look.body), size: look.size, language: { value: 'zh-CN', eastAsia: 'zh-CN' } } } } },
    sections: [
      {
        properties: {
          page: {
            size: {
              width: twips(paper.width),
              height: twips(paper.height),
              orientation: setup.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
            },
            margin: {
              top: twips(m.top),
              right: twips(m.right),
              bottom: twips(m.bottom),
              left: twips(m.left),
              header: twips(15),
              // The page number sits 7 mm under the type area.
              footer: twips(Math.max(8, m.bottom - 14)),
            },
          },
          grid:
            official && look.line
              ? {
                  type: DocumentGridType.LINES_AND_CHARS,
                  linePitch: look.line,
                  // 28 characters across: the pitch's difference from the font size, in 4096ths of a point.
                  charSpace: Math.round(((typeArea(setup).width * 72) / 25.4 / OFFICIAL_GRID.chars - OFFICIAL_GRID.fontPt) * 4096),
                }
              : undefined,
        },
        footers: official ? officialFooters() : doc.layout === 'form' ? formFooter(doc) : undefined,
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(document));
}

/**
 * A paragraph's indent in twips, one character being the body size (half-points × 10): two characters on the
 * first line when indented, and with a hanging width the wrapped lines that much further in.
 */
function paragraphIndent(indent: boolean, hanging: number, size: number): { firstLine?: number; left?: number; hanging?: number } | undefined {
  const char = size * 10;
  if (hanging > 0) return { left: ((indent ? 2 : 0) + hanging) * char, hanging: hanging * char };
  return indent ? { firstLine: 2 * char } : undefined;
}
