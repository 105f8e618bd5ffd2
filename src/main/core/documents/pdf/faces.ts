import { existsSync } from 'node:fs';
import * as fontkit from 'fontkit';

// The font files the direct PDF writer embeds (subset: only the glyphs printed). Chromium finds fonts by family
// name through fontconfig (fonts.ts); a PDF writer needs the file itself. The same faces, by file: the office
// fonts where Windows has them, Noto CJK from Debian's fonts-noto-cjk here. Where none is found the document is
// printed by Chromium, as before (slower, never wrong).

/** The four faces a document uses: 宋/仿宋/楷 stand-ins (serif), their bold (小标宋, bold runs), 黑体 (sans) and its bold. */
export type FaceRole = 'serif' | 'serifBold' | 'sans' | 'sansBold';

interface Candidate {
  file: string;
  /** The face inside a font collection (.ttc), by its PostScript name. */
  postscriptName?: string;
}

const NOTO = ['/usr/share/fonts/opentype/noto', '/usr/share/fonts/noto-cjk', '/usr/share/fonts/google-noto-cjk'];
const WINDOWS = `${process.env.WINDIR ?? 'C:\\Windows'}\\Fonts`;

const CANDIDATES: Record<FaceRole, Candidate[]> = {
  serif: [
    ...NOTO.map((dir) => ({ file: `${dir}/NotoSerifCJK-Regular.ttc`, postscriptName: 'NotoSerifCJKsc-Regular' })),
    { file: `${WINDOWS}\\simsun.ttc`, postscriptName: 'SimSun' },
  ],
  serifBold: [
    ...NOTO.map((dir) => ({ file: `${dir}/NotoSerifCJK-Bold.ttc`, postscriptName: 'NotoSerifCJKsc-Bold' })),
    // Windows has no bold 宋体: 黑体 stands in for bold text, as WPS does without 方正小标宋.
    { file: `${WINDOWS}\\simhei.ttf` },
  ],
  sans: [...NOTO.map((dir) => ({ file: `${dir}/NotoSansCJK-Regular.ttc`, postscriptName: 'NotoSansCJKsc-Regular' })), { file: `${WINDOWS}\\simhei.ttf` }],
  sansBold: [...NOTO.map((dir) => ({ file: `${dir}/NotoSansCJK-Bold.ttc`, postscriptName: 'NotoSansCJKsc-Bold' })), { file: `${WINDOWS}\\simhei.ttf` }],
};

export type Faces = Record<FaceRole, fontkit.Font>;

function open(candidate: Candidate): fontkit.Font | null {
  if (!existsSync(candidate.file)) return null;
  try {
    const opened = fontkit.openSync(candidate.file, candidate.postscriptName);
    // A collection without the named face comes back as the collection itself.
    return 'fonts' in opened ? null : opened;
  } catch {
    return null;
  }
}

/**
 * The document faces from the first candidate files found, or null when one is missing. Opened for each
 * document, not kept: four CJK fonts are about 90 MB, too much to hold in a serving process for a rare long print.
 */
export function openFaces(): Faces | null {
  const faces: Partial<Faces> = {};
  for (const role of Object.keys(CANDIDATES) as FaceRole[]) {
    const found = CANDIDATES[role].map(open).find((f) => f !== null);
    if (!found) return null;
    faces[role] = found;
  }
  return faces as Faces;
}

/** Whether the faces are on this machine, without opening them. */
export function facesInstalled(): boolean {
  return (Object.keys(CANDIDATES) as FaceRole[]).every((role) => CANDIDATES[role].some((c) => existsSync(c.file)));
}
