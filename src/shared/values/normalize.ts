/**
 * Small text helpers shared by the value parsers. Pure TypeScript, no Node or DOM APIs.
 */

/** Converts full-width ASCII (U+FF01..U+FF5E) to half-width and the ideographic space to a plain space. */
export function toHalfWidth(input: string): string {
  let out = '';
  for (const ch of input) {
    const code = ch.codePointAt(0)!;
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}

/** Removes every whitespace character, including the ideographic space and zero-width characters. */
export function stripSpaces(input: string): string {
  return input.replace(/[\s\u3000\u200b-\u200d\u2060\ufeff]/g, '');
}
