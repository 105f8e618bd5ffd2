import { describe, expect, it } from 'vitest';
import { openFaces } from '../../../src/main/core/documents/pdf/faces';
import { plainFont } from '../../../src/main/core/documents/pdf/plain-font';
import { breakLines, textWidth, type TextStyle } from '../../../src/main/core/documents/pdf/lines';

// The direct PDF writer breaks lines itself, as a browser does for Chinese text. Measured with the real font.

const faces = openFaces();
if (!faces) throw new Error('fonts-noto-cjk is needed (.ci/setup installs it)');
const style: TextStyle = { font: plainFont(faces.serif), fontName: 'serif', sizePt: 10 };
const text = (lines: ReturnType<typeof breakLines>) => lines.map((l) => l.segments.map((s) => s.text).join(''));

describe('line breaking for the direct PDF writer', () => {
  it('measures a CJK character as one em and a digit as about half', () => {
    expect(textWidth('幸福社区', style)).toBeCloseTo(40, 5);
    const digits = textWidth('0123456789', style);
    expect(digits).toBeGreaterThan(40);
    expect(digits).toBeLessThan(60);
  });

  it('keeps what fits on one line whole, and breaks Chinese between any two characters', () => {
    expect(text(breakLines([{ text: '大病救助', style }], 40))).toEqual(['大病救助']);
    expect(text(breakLines([{ text: '冬季困难家庭慰问', style }], 30))).toEqual(['冬季困', '难家庭', '慰问']);
  });

  it('never starts a line with a closing mark: the character before it goes down with it', () => {
    const lines = text(breakLines([{ text: '慰问金，助学金。', style }], 30));
    expect(lines).toEqual(['慰问', '金，助', '学金。']);
    // With nowhere earlier to break, the mark hangs at the end of the line instead.
    expect(text(breakLines([{ text: '金，', style }], 10))).toEqual(['金，']);
  });

  it('breaks Latin at spaces, a word longer than the line anywhere, and drops the space at a break', () => {
    expect(text(breakLines([{ text: 'ab cd', style }], textWidth('ab c', style)))).toEqual(['ab', 'cd']);
    const long = 'a'.repeat(40);
    const lines = text(breakLines([{ text: long, style }], 50));
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe(long);
  });

  it('gives the first line and the rest their own widths (a hanging indent) and keeps runs apart by style', () => {
    const bold: TextStyle = { ...style, fontName: 'serifBold', font: plainFont(faces.serifBold) };
    const lines = breakLines(
      [
        { text: '出席：', style: bold },
        { text: '王建国、李秀英、张伟、刘洋、陈静', style },
      ],
      100,
      60,
    );
    expect(lines[0].widthPt).toBeLessThanOrEqual(100);
    for (const l of lines.slice(1)) expect(l.widthPt).toBeLessThanOrEqual(60);
    expect(lines[0].segments[0]).toMatchObject({ text: '出席：', style: bold });
    expect(text(lines).join('')).toBe('出席：王建国、李秀英、张伟、刘洋、陈静');
  });

  it('keeps a line break written in the text', () => {
    expect(text(breakLines([{ text: '第一行\n第二行', style }], 200))).toEqual(['第一行', '第二行']);
  });
});
