// Font families as Chinese offices name them, first, then what fonts-noto-cjk gives on Linux: a machine with
// the office fonts (仿宋_GB2312, 方正小标宋) prints with them, and this one still prints Chinese, never tofu.
// Noto Serif CJK stands in for 仿宋/宋/楷 and 小标宋 (in bold), Noto Sans CJK for 黑体.

/** Body text of official documents (3号仿宋). */
export const FANGSONG = ['仿宋_GB2312', '仿宋', 'FangSong', 'STFangsong', 'Noto Serif CJK SC', 'serif'];
/** Forms, tables and page numbers (宋体). */
export const SONG = ['宋体', 'SimSun', 'STSong', 'Songti SC', 'Noto Serif CJK SC', 'serif'];
/** First-level headings, 出席/请假 words, poster titles (黑体). */
export const HEI = ['黑体', 'SimHei', 'STHeiti', 'Heiti SC', 'Noto Sans CJK SC', 'sans-serif'];
/** Second-level headings (楷体). */
export const KAI = ['楷体_GB2312', '楷体', 'KaiTi', 'STKaiti', 'Noto Serif CJK SC', 'serif'];
/** Titles (2号小标宋). 小标宋 has one heavy weight; the Noto fallback is printed bold to look like it. */
export const XIAOBIAOSONG = ['方正小标宋简体', '方正小标宋_GBK', 'FZXiaoBiaoSong-B05S', '华文中宋', 'STZhongsong', 'Noto Serif CJK SC', 'serif'];

const GENERIC = new Set(['serif', 'sans-serif']);

/** A CSS font-family list: names quoted, generic families bare. */
export function cssFamily(names: string[]): string {
  return names.map((n) => (GENERIC.has(n) ? n : `"${n}"`)).join(', ');
}

/** The name Word and WPS are given for Chinese text (w:eastAsia): the office font itself, resolved on the reader's machine. */
export const DOCX_FONTS = { fangsong: '仿宋_GB2312', song: '宋体', hei: '黑体', kai: '楷体_GB2312', title: '方正小标宋简体' } as const;
