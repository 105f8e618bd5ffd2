import type { DocumentModel } from '../model';

/** Page sizes in mm, portrait. */
export const PAPER_MM = { A4: { width: 210, height: 297 }, A3: { width: 297, height: 420 } } as const;

export interface PageSetup {
  paper: 'A4' | 'A3';
  landscape: boolean;
  /** Margins in mm. */
  margin: { top: number; right: number; bottom: number; left: number };
}

/**
 * Each layout's page. 'official' is GB/T 9704-2012: 天头 37 mm, 订口 (left) 28 mm, which leaves a type area
 * of 156 × 225 mm, so 35 mm at the bottom and 26 mm on the right. Forms and posters use even margins.
 */
export function pageSetup(doc: Pick<DocumentModel, 'layout' | 'paper' | 'orientation'>): PageSetup {
  const paper = doc.paper ?? (doc.layout === 'poster' ? 'A3' : 'A4');
  const landscape = doc.orientation === 'landscape';
  switch (doc.layout) {
    case 'official':
      return { paper, landscape, margin: landscape ? { top: 28, right: 37, bottom: 26, left: 35 } : { top: 37, right: 26, bottom: 35, left: 28 } };
    case 'form':
      return { paper, landscape, margin: { top: 20, right: 20, bottom: 22, left: 20 } };
    case 'poster':
      return { paper, landscape, margin: { top: 25, right: 25, bottom: 25, left: 25 } };
  }
}

/** The type area (版心) in mm. */
export function typeArea(setup: PageSetup): { width: number; height: number } {
  const p = PAPER_MM[setup.paper];
  const [w, h] = setup.landscape ? [p.height, p.width] : [p.width, p.height];
  return { width: w - setup.margin.left - setup.margin.right, height: h - setup.margin.top - setup.margin.bottom };
}

/** GB/T 9704: 22 lines of 28 characters on the type area, body text 3号 (16 pt). */
export const OFFICIAL_GRID = { lines: 22, chars: 28, fontPt: 16 } as const;

/**
 * The official grid's character and line pitch in mm: 28 characters across the portrait type area (156 mm) and 22
 * lines down it (225 mm). A page turned for a wide table (landscape) keeps the same type, not a stretched grid.
 */
export function officialGridMm(area: { width: number; height: number }): { charMm: number; lineMm: number } {
  const across = Math.min(area.width, area.height);
  const down = Math.max(area.width, area.height);
  return { charMm: across / OFFICIAL_GRID.chars, lineMm: down / OFFICIAL_GRID.lines };
}
