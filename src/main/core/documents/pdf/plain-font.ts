import type * as fontkit from 'fontkit';

// Why the fonts are wrapped: pdfkit lays text out through fontkit's OpenType shaping, about 60 µs for each
// table cell of Noto CJK (its GSUB lookups run for every string), which is 20 s for a 50,000-row notice.
// Chinese, digits and Latin in a table or a notice need no shaping: one glyph per character from the font's
// cmap, advanced by its width. pdfkit accepts any font object with a `layout` method (PDFFontFactory.open);
// this one is the fontkit font with `layout` mapping characters through the cmap, glyphs kept per character.

export interface PlainRun {
  glyphs: fontkit.Glyph[];
  positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[];
  advanceWidth: number;
}

export interface PlainFont {
  /** The fontkit font with the plain `layout`, for pdfkit (subsetting, metrics). */
  font: object;
  /** A string's advance in ems. */
  ems(text: string): number;
  /** One character's advance in ems. */
  charEms(codePoint: number): number;
}

export function plainFont(face: fontkit.Font): PlainFont {
  const glyphs = new Map<number, fontkit.Glyph>();
  const glyphFor = (cp: number): fontkit.Glyph => {
    let g = glyphs.get(cp);
    if (!g) {
      g = face.glyphForCodePoint(cp);
      glyphs.set(cp, g);
    }
    return g;
  };
  // pdfkit's `encode` takes the glyphs of a run (for the subset's ids and the ToUnicode map); the positions are
  // only `text()`'s, which the writer does not use (text-batch.ts), so none are made. The advance is in
  // thousandths of an em, as pdfkit scales a shaped run's.
  const perThousand = 1000 / face.unitsPerEm;
  const wrapped = Object.create(face) as { layout(text: string): PlainRun };
  wrapped.layout = (text: string): PlainRun => {
    const run: PlainRun = { glyphs: [], positions: [], advanceWidth: 0 };
    for (const ch of text) {
      const g = glyphFor(ch.codePointAt(0)!);
      run.glyphs.push(g);
      run.advanceWidth += g.advanceWidth * perThousand;
    }
    return run;
  };
  const perEm = face.unitsPerEm;
  const charEms = (cp: number) => glyphFor(cp).advanceWidth / perEm;
  return {
    font: wrapped,
    charEms,
    ems(text) {
      let units = 0;
      for (const ch of text) units += glyphFor(ch.codePointAt(0)!).advanceWidth;
      return units / perEm;
    },
  };
}
