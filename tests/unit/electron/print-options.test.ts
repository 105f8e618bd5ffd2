import { describe, expect, it } from 'vitest';
import { cssLengthToInches, marginsToInches, printToPdfOptions } from '../../../src/main/electron/print-options';
import { PRINT_MARGINS } from '../../../src/main/core/reports/formats/html';

describe('printToPDF options', () => {
  it('converts CSS lengths to inches', () => {
    expect(cssLengthToInches('25.4mm')).toBeCloseTo(1, 10);
    expect(cssLengthToInches('18mm')).toBeCloseTo(0.70866, 4);
    expect(cssLengthToInches('2.54cm')).toBeCloseTo(1, 10);
    expect(cssLengthToInches('0.5in')).toBe(0.5);
    expect(cssLengthToInches('72pt')).toBe(1);
    expect(cssLengthToInches('96px')).toBe(1);
    expect(cssLengthToInches('48')).toBe(0.5);
    expect(cssLengthToInches(' 10MM ')).toBeCloseTo(10 / 25.4, 10);
    expect(cssLengthToInches('0')).toBe(0);
    expect(() => cssLengthToInches('1em')).toThrow(/CSS length/);
    expect(() => cssLengthToInches('-1mm')).toThrow(/CSS length/);
  });

  it('prints A4 with header, footer, backgrounds and the page margins in inches', () => {
    const opts = printToPdfOptions({
      html: '<p>x</p>',
      headerTemplate: '<span></span>',
      footerTemplate: '<span class="pageNumber"></span>',
      landscape: true,
      margins: { top: '20mm', right: '15mm', bottom: '20mm', left: '15mm' },
    });
    expect(opts).toMatchObject({
      pageSize: 'A4',
      landscape: true,
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: '<span class="pageNumber"></span>',
    });
    expect(opts.margins?.top).toBeCloseTo(20 / 25.4, 10);
    expect(opts.margins?.left).toBeCloseTo(15 / 25.4, 10);
  });

  it('falls back to the templates’ default margins', () => {
    const opts = printToPdfOptions({ html: '', headerTemplate: '', footerTemplate: '', landscape: false });
    expect(opts.margins).toEqual(marginsToInches(PRINT_MARGINS));
    expect(opts.landscape).toBe(false);
  });

  it('prints a document by its own @page (paper, margins, page numbers) and an A3 table on A3', () => {
    const margins = { top: '37mm', right: '26mm', bottom: '35mm', left: '28mm' };
    const doc = printToPdfOptions({ html: '', headerTemplate: '', footerTemplate: '', landscape: false, cssPageBox: true, paper: 'A3', margins });
    expect(doc).toMatchObject({ preferCSSPageSize: true, pageSize: 'A3', printBackground: true, displayHeaderFooter: false });
    expect(doc.margins?.top).toBeCloseTo(37 / 25.4, 10);
    expect(printToPdfOptions({ html: '', headerTemplate: '', footerTemplate: '', landscape: false, paper: 'A3' }).pageSize).toBe('A3');
  });
});
