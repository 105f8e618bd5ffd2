import PDFDocument from 'pdfkit';
import type { DocumentModel } from '../model';
import { pageSetup, PAPER_MM, typeArea, type PageSetup } from '../html/page-setup';
import type { FaceRole, Faces } from './faces';
import { plainFont, type PlainFont } from './plain-font';
import type { Line, TextStyle } from './lines';
import { TextBatch, type PdfkitInternals } from './text-batch';

/** Millimetres to PDF points. */
export const MM = 72 / 25.4;

/**
 * The pages being written: a pdfkit document, the type area in points and the cursor (`y`, the top of the next
 * block). Blocks ask for room with `fits`/`ensure`; a new page starts at the top of the type area.
 */
export class PdfPages {
  private readonly doc: PDFKit.PDFDocument;
  private readonly text: TextBatch;
  readonly setup: PageSetup;
  /** The type area (版心) in points, from the page's top left. */
  readonly area: { left: number; top: number; width: number; height: number };
  readonly fonts: Record<FaceRole, PlainFont>;
  y = 0;
  /** A form's frame (html `.frame`) open on this page: where it starts. Drawn at a page break and at its end. */
  frameTop: number | null = null;
  /** Pages begun so far. */
  pageCount = 0;
  /** Called as each page is finished, with its number (an official page's — n —, written without keeping pages). */
  onPageEnd?: (page: number) => void;
  private readonly styles = new Map<string, TextStyle>();
  private readonly size: [number, number];

  constructor(
    readonly model: DocumentModel,
    faces: Faces,
  ) {
    this.setup = pageSetup(model);
    const paper = PAPER_MM[this.setup.paper];
    const [w, h] = this.setup.landscape ? [paper.height, paper.width] : [paper.width, paper.height];
    this.size = [w * MM, h * MM];
    const area = typeArea(this.setup);
    this.area = { left: this.setup.margin.left * MM, top: this.setup.margin.top * MM, width: area.width * MM, height: area.height * MM };
    // A form's pages are kept until the end, for 第 n 页 / 共 N 页 on each; other pages go out as they are done.
    this.doc = new PDFDocument({
      autoFirstPage: false,
      bufferPages: model.layout === 'form',
      compress: true,
      info: { Title: model.title, Producer: 'Linli' },
      lang: 'zh-CN',
    });
    this.fonts = {} as Record<FaceRole, PlainFont>;
    for (const role of Object.keys(faces) as FaceRole[]) {
      this.fonts[role] = plainFont(faces[role]);
      // pdfkit takes a font object with a `layout` method as it takes a file (see plain-font.ts).
      this.doc.registerFont(role, this.fonts[role].font as unknown as PDFKit.Mixins.PDFFontSource);
    }
    this.text = new TextBatch(this.doc as unknown as PdfkitInternals);
    this.newPage();
  }

  /** The pdfkit document for drawing other than text, the text added so far written first (it lies beneath). */
  graphics(): PDFKit.PDFDocument {
    this.text.flush();
    return this.doc;
  }

  get bottom(): number {
    return this.area.top + this.area.height;
  }

  get right(): number {
    return this.area.left + this.area.width;
  }

  newPage(): void {
    if (this.frameTop !== null) this.strokeFrame();
    if (this.pageCount > 0) this.onPageEnd?.(this.pageCount);
    this.text.flush();
    this.doc.addPage({ size: this.size, margin: 0 });
    this.pageCount++;
    this.y = this.area.top;
    if (this.frameTop !== null) this.frameTop = this.y;
  }

  /** The frame's 1.5 pt border from where it opened on this page down to the cursor. */
  strokeFrame(): void {
    if (this.frameTop === null || this.y <= this.frameTop) return;
    this.graphics()
      .rect(this.area.left + 0.75, this.frameTop, this.area.width - 1.5, this.y - this.frameTop)
      .lineWidth(1.5)
      .strokeColor('#000')
      .stroke();
  }

  /** Whether `heightPt` more fits on this page. */
  fits(heightPt: number): boolean {
    return this.y + heightPt <= this.bottom + 0.01;
  }

  /** Starts a new page unless `heightPt` fits on this one (or the page is still empty). */
  ensure(heightPt: number): void {
    if (!this.fits(heightPt) && this.y > this.area.top + 0.01) this.newPage();
  }

  /** One text style, the same object each time it is asked for, so that a line's runs of one style join. */
  style(role: FaceRole, sizePt: number, extra: { spacingPt?: number; underline?: boolean; color?: string } = {}): TextStyle {
    const key = `${role}|${sizePt}|${extra.spacingPt ?? 0}|${extra.underline ? 1 : 0}|${extra.color ?? ''}`;
    let s = this.styles.get(key);
    if (!s) {
      s = { font: this.fonts[role], fontName: role, sizePt, ...extra };
      this.styles.set(key, s);
    }
    return s;
  }

  /** A line of text in a line box `lineTop`..`lineTop + heightPt`, centred in it as a browser centres a line. */
  drawLine(line: Line, x: number, lineTop: number, heightPt: number): void {
    const middle = lineTop + heightPt / 2;
    for (const seg of line.segments) {
      const s = seg.style;
      this.text.add(seg.text, s, x, middle);
      if (s.underline) this.rule(x, middle + s.sizePt * 0.62, x + seg.widthPt, middle + s.sizePt * 0.62, 0.75, s.color);
      x += seg.widthPt;
    }
  }

  /** A straight line (borders, rules, signature lines). */
  rule(x1: number, y1: number, x2: number, y2: number, widthPt: number, color = '#000'): void {
    this.graphics().moveTo(x1, y1).lineTo(x2, y2).lineWidth(widthPt).strokeColor(color).stroke();
  }

  /** Where a line of `widthPt` starts in a box from `x` of `boxPt`, aligned. */
  static aligned(align: 'left' | 'center' | 'right' | 'justify' | undefined, x: number, boxPt: number, widthPt: number): number {
    if (align === 'center') return x + (boxPt - widthPt) / 2;
    if (align === 'right') return x + boxPt - widthPt;
    return x;
  }

  /** Goes back to a page written before (a form's pages are kept for their numbers). */
  switchToPage(index: number): void {
    this.text.flush();
    this.doc.switchToPage(index);
  }

  /** The finished file. */
  end(): Promise<Uint8Array> {
    this.onPageEnd?.(this.pageCount);
    this.text.flush();
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      this.doc.on('data', (c: Buffer) => chunks.push(c));
      this.doc.on('end', () => {
        const all = Buffer.concat(chunks);
        resolve(new Uint8Array(all.buffer, all.byteOffset, all.byteLength));
      });
      this.doc.on('error', reject);
      this.doc.end();
    });
  }
}
