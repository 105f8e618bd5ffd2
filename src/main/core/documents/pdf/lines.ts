import type { PlainFont } from './plain-font';

// Breaking text into lines as a browser does for Chinese: between any two CJK characters, after a space or a
// hyphen in Latin text, never before a closing mark (，。、）》 …) or after an opening one (（《 …), and
// anywhere inside a word too long for the line (CSS overflow-wrap: anywhere, as the printed tables use).

export interface TextStyle {
  font: PlainFont;
  /** The pdfkit name the font is registered under. */
  fontName: string;
  sizePt: number;
  /** Extra space after each character, in points (the official grid's 28 characters a line). */
  spacingPt?: number;
  underline?: boolean;
  color?: string;
}

export interface StyledText {
  text: string;
  style: TextStyle;
}

export interface Segment {
  text: string;
  style: TextStyle;
  widthPt: number;
}

export interface Line {
  segments: Segment[];
  widthPt: number;
}

const CLOSING = new Set([...'，。、；：？！）》」』】〉”’,.;:?!)]}%…—·']);
const OPENING = new Set([...'（《「『【〈“‘([{¥$']);

function isCjk(ch: string): boolean {
  return (ch.codePointAt(0) ?? 0) >= 0x2e80;
}

function canBreakBetween(before: string, after: string): boolean {
  if (CLOSING.has(after) || OPENING.has(before)) return false;
  return before === ' ' || before === '-' || before === '/' || isCjk(before) || isCjk(after);
}

function charWidth(ch: string, style: TextStyle): number {
  return style.font.charEms(ch.codePointAt(0)!) * style.sizePt + (style.spacingPt ?? 0);
}

/** A text's width in points in one style. */
export function textWidth(text: string, style: TextStyle): number {
  return style.font.ems(text) * style.sizePt + (style.spacingPt ?? 0) * [...text].length;
}

/**
 * Styled runs broken into lines of at most `firstPt` (the first line) and `restPt` (the others) points. A line
 * is never empty: a character wider than the line stands on a line of its own.
 */
export function breakLines(runs: StyledText[], firstPt: number, restPt = firstPt): Line[] {
  // Most table cells fit on one line: measured whole, without breaking them into characters.
  if (runs.length === 1 && !runs[0].text.includes('\n')) {
    const widthPt = textWidth(runs[0].text, runs[0].style);
    if (widthPt <= firstPt) return [{ segments: [{ text: runs[0].text, style: runs[0].style, widthPt }], widthPt }];
  }
  const chars: { ch: string; style: TextStyle; w: number }[] = [];
  for (const run of runs) for (const ch of run.text) chars.push({ ch, style: run.style, w: ch === '\n' ? 0 : charWidth(ch, run.style) });

  const lines: Line[] = [];
  const emit = (from: number, to: number) => {
    // Spaces where a line was broken are not printed.
    while (to > from && chars[to - 1].ch === ' ') to--;
    const segments: Segment[] = [];
    let widthPt = 0;
    for (let i = from; i < to; i++) {
      const c = chars[i];
      if (c.ch === '\n') continue;
      const last = segments[segments.length - 1];
      if (last && last.style === c.style) {
        last.text += c.ch;
        last.widthPt += c.w;
      } else segments.push({ text: c.ch, style: c.style, widthPt: c.w });
      widthPt += c.w;
    }
    lines.push({ segments, widthPt });
  };

  let start = 0;
  let used = 0;
  let lastBreak = -1; // the index a line may start at, where breaking is allowed
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c.ch === '\n') {
      emit(start, i);
      start = i + 1;
      used = 0;
      lastBreak = -1;
      continue;
    }
    if (i > start && canBreakBetween(chars[i - 1].ch, c.ch)) lastBreak = i;
    const room = lines.length === 0 ? firstPt : restPt;
    if (used + c.w > room && i > start && c.ch !== ' ') {
      // A closing mark never starts a line (避头): the character before it goes down with it, as a browser
      // does; only where there is no earlier place to break does the mark hang at the end of the line.
      if (CLOSING.has(c.ch) && lastBreak <= start) {
        used += c.w;
        continue;
      }
      const at = lastBreak > start ? lastBreak : i;
      emit(start, at);
      start = at;
      while (start < chars.length && chars[start].ch === ' ') start++;
      used = 0;
      for (let k = start; k < i; k++) used += chars[k].w;
      lastBreak = -1;
    }
    used += c.w;
  }
  if (start < chars.length || lines.length === 0) emit(start, chars.length);
  return lines;
}
