import type { PrintToPDFOptions } from 'electron';
import type { PageMargins, PrintablePage } from '../core/reports/model';
import { PRINT_MARGINS } from '../core/reports/formats/html';

// printToPDF wants margins in inches; the report templates give CSS lengths. Pure, so tests check it.

const UNITS_PER_INCH: Record<string, number> = { mm: 25.4, cm: 2.54, in: 1, pt: 72, pc: 6, px: 96 };

/** A CSS length (`18mm`, `1.5cm`, `0.5in`, `36pt`, `48px`, a bare number = px) in inches. */
export function cssLengthToInches(length: string | number): number {
  if (typeof length === 'number') return length / 96;
  const m = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*(mm|cm|in|pt|pc|px)?\s*$/i.exec(length);
  if (!m) throw new Error(`Not a CSS length: ${JSON.stringify(length)}`);
  return Number(m[1]) / UNITS_PER_INCH[(m[2] ?? 'px').toLowerCase()];
}

export function marginsToInches(margins: PageMargins): { top: number; right: number; bottom: number; left: number } {
  return {
    top: cssLengthToInches(margins.top),
    right: cssLengthToInches(margins.right),
    bottom: cssLengthToInches(margins.bottom),
    left: cssLengthToInches(margins.left),
  };
}

/** The same page as the headless-Chromium renderer prints: A4, backgrounds, header and footer, margins. */
export function printToPdfOptions(page: PrintablePage): PrintToPDFOptions {
  return {
    pageSize: page.paper ?? 'A4',
    landscape: page.landscape,
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: page.headerTemplate,
    footerTemplate: page.footerTemplate,
    margins: marginsToInches(page.margins ?? PRINT_MARGINS),
  };
}
