import type { DocumentModel } from '../model';
import { cssFamily, FANGSONG, HEI, KAI, SONG, XIAOBIAOSONG } from '../fonts';
import { OFFICIAL_GRID, officialGridMm, pageSetup, PAPER_MM, typeArea } from './page-setup';

// The CSS of each layout. Print: @page carries the paper, the margins and the page numbers (margin boxes),
// so Chromium and Electron print the same page. Screen (the website page): the same sheet on a grey desk.

export type Medium = 'print' | 'screen';

/** A CSS string literal; `<` is escaped so that nothing can close the <style> element. */
function cssString(text: string): string {
  return `"${text
    .replace(/[\\"]/g, (c) => `\\${c}`)
    .replace(/</g, '\\3C ')
    .replace(/\n/g, ' ')}"`;
}

/** `第 {n} 页` → `"第 " counter(page) " 页"`; without {n} the number follows after a space. */
function counterContent(label: string, counter: 'page' | 'pages'): string {
  const [before, after] = label.includes('{n}') ? label.split('{n}', 2) : [`${label} `, ''];
  return [before ? cssString(before) : '', `counter(${counter})`, after ? cssString(after) : ''].filter(Boolean).join(' ');
}

function pageRules(doc: DocumentModel): string {
  const setup = pageSetup(doc);
  const m = setup.margin;
  // The printed page is only ever printed: laid out for a screen first, Chromium would lay it out twice
  // (measured: a third of the time of a 10,000-row notice).
  const size = `@media screen { body { display: none; } }
@page { size: ${setup.paper} ${setup.landscape ? 'landscape' : 'portrait'}; margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm; }`;
  if (doc.layout === 'official') {
    // 4号 (14 pt) 宋体 half-width numerals with dashes, 7 mm under the type area, 1 character in from the
    // outer edge: right on odd pages, left on even ones (double-sided, bound on the left).
    const number = `content: "— " counter(page) " —"; font-family: ${cssFamily(SONG)}; font-size: 14pt; vertical-align: top; padding-top: 7mm;`;
    return `${size}
@page :right { @bottom-right { ${number} text-align: right; padding-right: 1em; } }
@page :left { @bottom-left { ${number} text-align: left; padding-left: 1em; } }`;
  }
  if (doc.layout === 'form') {
    const number = `${counterContent(doc.labels.page, 'page')} " / " ${counterContent(doc.labels.of, 'pages')}`;
    return `${size}
@page { @bottom-center { content: ${number}; font-family: ${cssFamily(SONG)}; font-size: 9pt; color: #444; } }`;
  }
  return size; // a poster is one sheet on a board: no number
}

function screenRules(doc: DocumentModel): string {
  const setup = pageSetup(doc);
  const p = PAPER_MM[setup.paper];
  const width = setup.landscape ? p.height : p.width;
  const m = setup.margin;
  return `html { background: #e9e9e9; }
body { margin: 0; padding: 24px 0; }
.sheet { box-sizing: border-box; width: ${width}mm; max-width: 100%; margin: 0 auto; padding: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm;
  background: #fff; box-shadow: 0 1px 6px rgba(0,0,0,.25); }
.page-break { border-top: 1px dashed #bbb; margin: 12mm -${m.right}mm 12mm -${m.left}mm; }
@media (max-width: 800px) { .sheet { padding: 8mm 6mm; } }`;
}

const COMMON = `
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; color: #000; }
/* 复印件 / 作废 / 已更正: a red mark above the top right of the type area, never over the text. */
.stamp-row { display: flex; justify-content: flex-end; margin-bottom: 2mm; }
.stamp { display: inline-block; border: 2.5pt solid #d00; color: #d00; padding: 0.5mm 3mm; font-family: ${cssFamily(HEI)};
  font-size: 16pt; line-height: 1.3; letter-spacing: 0.3em; text-indent: 0.3em; transform: rotate(6deg); opacity: 0.85; }
.sheet { position: relative; }
.page-break { break-after: page; }
p { margin: 0; }
.a-left { text-align: left; } .a-center { text-align: center; } .a-right { text-align: right; } .a-justify { text-align: justify; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
/* A collapsed border is half outside the table: 1pt less keeps the right edge's line inside the type area. */
table { border-collapse: collapse; width: calc(100% - 1pt); }
thead { display: table-header-group; }
tr { break-inside: avoid; }
.grid th, .grid td { border: 0.75pt solid #000; padding: 0.8mm 1.5mm; vertical-align: middle; }
.grid th { font-weight: bold; text-align: center; }
.grid tr.totals td { font-weight: bold; }
.grid tbody tr:not(.totals) { height: var(--least-row, auto); }
.grid caption { caption-side: top; font-weight: bold; padding-bottom: 1mm; }
/* A long table printed as one table per page (table-pages.ts): each starts a page, its columns as wide as the
   row heights were estimated for, a long word wrapped inside its cell rather than widening the table. */
.grid.paged { break-before: page; table-layout: fixed; }
.grid.paged td, .grid.paged th { overflow-wrap: anywhere; }
.qr { break-inside: avoid; display: flex; flex-direction: column; align-items: flex-end; }
.qr .code { display: flex; flex-direction: column; align-items: center; }
.qr svg { display: block; }
.qr .caption { font-size: 9pt; margin-top: 1mm; text-align: center; max-width: 60mm; }
.signatures { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 4mm 10mm; break-inside: avoid; }
.signatures .signer { min-width: 45mm; }
.signatures .line { display: inline-block; min-width: 30mm; border-bottom: 0.75pt solid #000; text-align: center; }
.signatures .date { margin-top: 1mm; }
.seal { break-inside: avoid; display: flex; justify-content: flex-end; }
.seal .block { position: relative; text-align: center; }
/* A real seal is ~42 mm; multiply lets the unit's name show through the red ink, as on paper. */
.seal img { position: absolute; left: 50%; top: 50%; width: 42mm; height: 42mm; transform: translate(-50%, -55%); mix-blend-mode: multiply; }
.fields { display: grid; gap: 0 8mm; }
.fields.cols-2 { grid-template-columns: 1fr 1fr; }
.fields .wide { grid-column: 1 / -1; }
.fields .label { font-weight: bold; }
`;

function officialRules(doc: DocumentModel): string {
  const g = OFFICIAL_GRID;
  const grid = officialGridMm(typeArea(pageSetup(doc)));
  const pitch = `${grid.charMm.toFixed(3)}mm`;
  const line = `${grid.lineMm.toFixed(3)}mm`;
  return `
body { font-family: ${cssFamily(FANGSONG)}; font-size: ${g.fontPt}pt; line-height: ${line}; }
.sheet { letter-spacing: calc(${pitch} - 1em); }
.redhead { text-align: center; color: #d00; font-family: ${cssFamily(XIAOBIAOSONG)}; font-weight: bold; font-size: 30pt; line-height: 1.3;
  letter-spacing: 0.1em; text-indent: 0.1em; padding-top: 2mm; }
.redline { border-top: 1.5pt solid #d00; margin: 4mm 0 0; }
h1 { font-family: ${cssFamily(XIAOBIAOSONG)}; font-weight: bold; font-size: 22pt; line-height: 1.45; text-align: center; margin: ${line} 0 0;
  letter-spacing: 0.05em; }
.subtitle { text-align: center; }
.title-gap { height: ${line}; }
h2, h3, h4 { font-size: ${g.fontPt}pt; font-weight: normal; margin: 0; text-indent: 2em; }
h2 { font-family: ${cssFamily(HEI)}; }
h3 { font-family: ${cssFamily(KAI)}; }
h4 { font-family: ${cssFamily(FANGSONG)}; }
p.indent { text-indent: 2em; }
.grid { font-size: 12pt; line-height: 1.5; letter-spacing: 0; margin: 2mm 0; }
.fields { letter-spacing: normal; }
.fields .label { font-family: ${cssFamily(HEI)}; font-weight: normal; }
.signatures { margin-top: ${line}; }
.seal { margin-top: ${line}; padding-right: 4em; }
.seal .block { min-width: 8em; }
.qr { margin-top: 4mm; letter-spacing: 0; }
`;
}

function formRules(): string {
  return `
body { font-family: ${cssFamily(SONG)}; font-size: 12pt; line-height: 1.6; }
.unit { text-align: center; font-size: 12pt; letter-spacing: 0.2em; }
.head { position: relative; text-align: center; margin: 1mm 0 3mm; }
h1 { display: inline-block; font-family: ${cssFamily(SONG)}; font-weight: bold; font-size: 22pt; letter-spacing: 0.5em; text-indent: 0.5em;
  margin: 0; padding: 0 2mm 1mm; border-bottom: 3pt double #000; }
.serial { position: absolute; right: 0; bottom: 1mm; color: #c00; font-size: 13pt; font-family: ${cssFamily(SONG)}; letter-spacing: 0.05em; }
.subtitle { text-align: center; font-size: 11pt; margin-bottom: 2mm; }
.frame { border: 1.5pt solid #000; }
.frame > * + * { border-top: 0.75pt solid #000; }
.frame table.fields-grid td { border-left: 0.75pt solid #000; padding: 2mm 2.5mm; vertical-align: middle; }
.frame table.fields-grid td:first-child { border-left: 0; }
.frame table.fields-grid tr + tr td { border-top: 0.75pt solid #000; }
.frame table.fields-grid td.label { width: 24mm; text-align: center; white-space: nowrap; letter-spacing: 0.1em; }
.frame table.amount td { padding: 2.5mm; border-left: 0.75pt solid #000; }
.frame table.amount td:first-child { border-left: 0; }
.frame table.amount td.label { width: 24mm; text-align: center; white-space: nowrap; }
.frame table.amount td.label.short { width: 12mm; }
.frame table.amount .words { font-size: 13pt; font-weight: bold; }
.frame table.amount .figures { font-size: 13pt; font-weight: bold; white-space: nowrap; width: 34mm; }
.frame > p, .frame > .heading { padding: 2mm 3mm; }
.frame > .grid { margin: 0; }
.frame > .grid th:first-child, .frame > .grid td:first-child { border-left: 0; }
.frame > .grid th:last-child, .frame > .grid td:last-child { border-right: 0; }
.frame > .grid tr:first-child th { border-top: 0; }
.frame > .grid tr:last-child td { border-bottom: 0; }
.grid { font-size: 11pt; }
.heading { font-weight: bold; }
p.indent { text-indent: 2em; }
.after { margin-top: 5mm; }
.signatures { margin-top: 6mm; flex-wrap: nowrap; }
.signatures .signer { min-width: 0; white-space: nowrap; }
.signatures .line { min-width: 25mm; }
.seal { margin-top: 6mm; padding-right: 8mm; }
.qr { margin-top: 4mm; }
`;
}

function posterRules(): string {
  return `
body { font-family: ${cssFamily(FANGSONG)}; font-size: 22pt; line-height: 1.75; }
.redhead { text-align: center; color: #c00; font-family: ${cssFamily(XIAOBIAOSONG)}; font-weight: bold; font-size: 40pt; letter-spacing: 0.1em;
  text-indent: 0.1em; border-bottom: 3pt solid #c00; padding-bottom: 4mm; }
h1 { font-family: ${cssFamily(HEI)}; font-weight: bold; font-size: 64pt; text-align: center; color: #c00; letter-spacing: 0.5em; text-indent: 0.5em;
  margin: 14mm 0 4mm; line-height: 1.2; }
.subtitle { text-align: center; font-size: 24pt; margin-bottom: 8mm; }
h2, h3, h4 { font-family: ${cssFamily(HEI)}; font-size: 24pt; font-weight: normal; margin: 4mm 0 0; text-indent: 2em; }
p.indent { text-indent: 2em; }
.grid { font-size: 16pt; line-height: 1.5; margin: 4mm 0; }
.grid th, .grid td { padding: 2mm 3mm; }
.fields .label { font-family: ${cssFamily(HEI)}; font-weight: normal; }
.signatures { margin-top: 12mm; }
.seal { margin-top: 16mm; padding-right: 12mm; }
.qr { margin-top: 8mm; }
.qr .caption { font-size: 14pt; max-width: 90mm; }
`;
}

export function documentCss(doc: DocumentModel, medium: Medium): string {
  const layout = doc.layout === 'official' ? officialRules(doc) : doc.layout === 'form' ? formRules() : posterRules();
  return [medium === 'print' ? pageRules(doc) : screenRules(doc), COMMON, layout].join('\n');
}
