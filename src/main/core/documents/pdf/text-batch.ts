import type { TextStyle } from './lines';

// Why text is written in batches rather than through pdfkit's `text()`: for each call pdfkit saves the graphics
// state, flips the coordinates, opens a text object and sets its font, about 8 µs of work and eleven operators
// for every table cell: half the time of a 50,000-row notice, and as much again for pdftotext reading it back.
// A batch is one text object per page part: the font and size set when they change, then each string placed
// with its matrix. It uses pdfkit's font objects as pdfkit does (`encode` for the subset's glyph ids, `ref()`
// for the page's resources); pdfkit is pinned to the version these were read from (package.json).

/** The parts of pdfkit's document and font objects a batch writes through (pdfkit 0.20: `document.js`, `font/embedded.js`). */
interface PdfkitFont {
  id: string;
  ascender: number;
  descender: number;
  encode(text: string): [string[], unknown[]];
  ref(): unknown;
}
export interface PdfkitInternals {
  _font: PdfkitFont;
  page: { height: number; fonts: Record<string, unknown> };
  font(name: string): unknown;
  addContent(data: string): unknown;
}

const n = (v: number) => (Math.round(v * 100) / 100).toString();

function rgb(color: string): string {
  const hex = color.replace('#', '');
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  return [0, 2, 4].map((i) => n(parseInt(full.slice(i, i + 2), 16) / 255)).join(' ');
}

export class TextBatch {
  private ops: string[] = [];
  private font = '';
  private size = 0;
  private spacing = 0;
  private color = '';
  private readonly faces = new Map<string, PdfkitFont>();
  /** Each string's glyph ids in each font: a notice repeats its dates, methods and purposes thousands of times. */
  private readonly encoded = new Map<string, Map<string, string>>();

  constructor(private readonly doc: PdfkitInternals) {}

  /** A string with its line box's middle at `middle` (top-down points), centred as a browser centres a line. */
  add(text: string, style: TextStyle, x: number, middle: number): void {
    let face = this.faces.get(style.fontName);
    if (!face) {
      this.doc.font(style.fontName);
      face = this.doc._font;
      this.faces.set(style.fontName, face);
    }
    if (this.doc.page.fonts[face.id] == null) this.doc.page.fonts[face.id] = face.ref();
    if (face.id !== this.font || style.sizePt !== this.size) {
      this.ops.push(`/${face.id} ${n(style.sizePt)} Tf`);
      this.font = face.id;
      this.size = style.sizePt;
    }
    const spacing = style.spacingPt ?? 0;
    if (spacing !== this.spacing) {
      this.ops.push(`${n(spacing)} Tc`);
      this.spacing = spacing;
    }
    const color = style.color ?? '#000';
    if (color !== this.color) {
      this.ops.push(`${rgb(color)} rg`);
      this.color = color;
    }
    // The baseline sits half the font's ascent plus descent below the middle (pdfkit's `baseline: 'middle'`).
    const baseline = middle + ((face.ascender + face.descender) / 2000) * style.sizePt;
    let known = this.encoded.get(face.id);
    if (!known) this.encoded.set(face.id, (known = new Map()));
    let hex = known.get(text);
    if (hex === undefined) {
      hex = face.encode(text)[0].join('');
      known.set(text, hex);
    }
    this.ops.push(`1 0 0 1 ${n(x)} ${n(this.doc.page.height - baseline)} Tm <${hex}> Tj`);
  }

  /** Writes what was added as one text object, in the page's own (bottom-up) coordinates. */
  flush(): void {
    if (this.ops.length === 0) return;
    this.doc.addContent(`q 1 0 0 -1 0 ${n(this.doc.page.height)} cm BT\n${this.ops.join('\n')}\nET Q`);
    this.ops = [];
    this.font = '';
    this.size = 0;
    this.spacing = 0;
    this.color = '';
  }
}
