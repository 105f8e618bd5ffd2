import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { PageMargins, PrintablePage, ReportColumn, TableReport } from '../model';
import { DEFAULT_TIME_ZONE, formatCell, formatDate, formatDateTime, isNumericColumn } from '../format-cell';

// A table report as the page Chromium prints, written in JSX and rendered with react-dom/server: every cell,
// title and label is a React child, escaped on the way out.

export const FONT_STACK = '"宋体","SimSun","Noto Serif CJK SC","Noto Sans CJK SC","Songti SC",serif';

// Top/bottom margins leave room for Chromium's header/footer templates, which are
// painted inside the page margin box.
export const PRINT_MARGINS: PageMargins = { top: '16mm', right: '12mm', bottom: '16mm', left: '12mm' };

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** For the few strings that are not rendered through React (the household form's template strings). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

function alignOf(col: ReportColumn): 'left' | 'center' | 'right' {
  return col.align ?? (isNumericColumn(col) ? 'right' : col.kind === 'date' || col.kind === 'datetime' ? 'center' : 'left');
}

/** Printed width in half-em units: a Chinese (full-width) character is 2, a digit or Latin letter about 1.1. */
export function textUnits(text: string): number {
  let units = 0;
  for (const ch of text) units += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1.1;
  return units;
}

/** A column of long text (an address, a remark) wraps past this many units instead of taking the page. */
const WRAP_AT = 34;
/** Rows measured: enough to see a column's usual width without walking a 100,000-row register twice. */
const SAMPLE = 2000;

/**
 * Column widths sized to their content: each column as wide as its longest value (long text wraps at
 * WRAP_AT), its header allowed two lines; then as percentages of the printable width. A mostly empty
 * column (标签) stays as narrow as its header, and 户号 or 网格 no longer wrap onto three lines.
 */
export function columnPercents(report: Pick<TableReport, 'columns' | 'rows' | 'timeZone'>): number[] {
  const tz = report.timeZone ?? DEFAULT_TIME_ZONE;
  const rows = report.rows.length > SAMPLE ? report.rows.slice(0, SAMPLE) : report.rows;
  const widths = report.columns.map((col) => {
    let widest = 0;
    for (const r of rows) widest = Math.max(widest, textUnits(formatCell(r[col.key] ?? null, col, tz)));
    if (rows.length === 0) widest = col.width ?? 10;
    // A short header (序号, 性别, 网格) stays on one line; a longer one may take two.
    const headerUnits = textUnits(col.header);
    const header = headerUnits <= 8 ? headerUnits : Math.ceil(headerUnits / 2);
    // +1.5 for the cell's padding and borders.
    return Math.max(Math.min(widest, WRAP_AT), header, 2) + 1.5;
  });
  const sum = widths.reduce((a, b) => a + b, 0);
  return widths.map((w) => (w / sum) * 100);
}

function Cells({ report, values, header }: { report: TableReport; values: Record<string, unknown>; header?: boolean }) {
  const tz = report.timeZone ?? DEFAULT_TIME_ZONE;
  return (
    <>
      {report.columns.map((col) =>
        header ? (
          <th key={col.key}>{col.header}</th>
        ) : (
          <td key={col.key} className={`a-${alignOf(col)}`}>
            {formatCell((values[col.key] ?? null) as never, col, tz)}
          </td>
        ),
      )}
    </>
  );
}

function Totals({ report }: { report: TableReport }) {
  if (!report.totals) return null;
  // The first column carries the word 合计 unless the report already put something there.
  const first = report.columns[0];
  const values = { ...report.totals };
  if (first && (values[first.key] === undefined || values[first.key] === null)) values[first.key] = report.labels.total;
  return (
    <tr className="totals">
      <Cells report={report} values={values} />
    </tr>
  );
}

/** Only inline images: a remote URL would make the headless browser reach the network. */
function Seal({ dataUrl }: { dataUrl: string | undefined }) {
  if (!dataUrl || !/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/=]+$/.test(dataUrl)) return null;
  return <img className="seal" alt="" src={dataUrl} />;
}

function css(landscape: boolean): string {
  const m = PRINT_MARGINS;
  return `
@page { size: A4 ${landscape ? 'landscape' : 'portrait'}; margin: ${m.top} ${m.right} ${m.bottom} ${m.left}; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: ${FONT_STACK}; font-size: 10.5pt; line-height: 1.45; color: #000; }
.letterhead { text-align: center; border-bottom: 1.5pt solid #c00; padding-bottom: 2mm; margin-bottom: 3mm; }
.letterhead .community { font-size: 16pt; font-weight: bold; letter-spacing: 0.15em; text-indent: 0.15em; color: #c00; line-height: 1.3; }
.letterhead .contact { font-size: 9pt; color: #333; line-height: 1.3; }
h1 { text-align: center; font-size: 17pt; font-weight: bold; letter-spacing: 0.2em; text-indent: 0.2em; margin: 0 0 1mm; line-height: 1.3; }
/* text-indent balances the trailing letter-spacing so spaced titles stay centred. */
.subtitle { text-align: center; font-size: 11pt; margin-bottom: 1mm; }
.meta { display: flex; flex-wrap: wrap; gap: 0.5mm 8mm; font-size: 9.5pt; margin: 2mm 0; }
.meta .label { font-weight: bold; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: 9pt; line-height: 1.3; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 0.75pt solid #000; padding: 0.5mm 1mm; vertical-align: middle; overflow-wrap: anywhere; }
th { background: #eee; font-weight: bold; text-align: center !important; }
tr.totals td { font-weight: bold; background: #f6f6f6; }
.a-left { text-align: left; } .a-center { text-align: center; }
.a-right { text-align: right; font-variant-numeric: tabular-nums; }
.notes { font-size: 9pt; margin: 3mm 0 0; padding-left: 0; list-style: none; }
.signoff { break-inside: avoid; margin-top: 10mm; display: flex; justify-content: flex-end; }
.signoff .block { position: relative; text-align: center; min-width: 60mm; line-height: 1.8; }
/* A real seal is ~40 mm: reserve its height so it never covers the lines below. */
.signoff .block.sealed { min-height: 42mm; display: flex; flex-direction: column; justify-content: center; }
/* multiply lets the stamped text show through the red ink, as on paper. */
.signoff .seal { position: absolute; left: 50%; top: 50%; width: 40mm; height: 40mm; transform: translate(-50%, -50%); mix-blend-mode: multiply; }
.exported { margin-top: 4mm; font-size: 9pt; color: #333; text-align: right; }
`;
}

function TableDocument({ report }: { report: TableReport }) {
  const lh = report.letterhead;
  const tz = report.timeZone ?? DEFAULT_TIME_ZONE;
  // The street office, address and phone on one line: the register's first page keeps its rows for people.
  const contact = [lh.streetOffice, lh.address, lh.servicePhone].filter(Boolean).join('　');
  const sealed = Boolean(lh.sealImageDataUrl);
  return (
    <html lang="zh-CN">
      <head>
        <meta charSet="utf-8" />
        <title>{report.title}</title>
        {/* Our own CSS: no user text in it. */}
        <style dangerouslySetInnerHTML={{ __html: css(report.orientation === 'landscape') }} />
      </head>
      <body>
        <div className="letterhead">
          <div className="community">{lh.communityName}</div>
          {contact ? <div className="contact">{contact}</div> : null}
        </div>
        <h1>{report.title}</h1>
        {report.subtitle ? <div className="subtitle">{report.subtitle}</div> : null}
        {report.meta.length ? (
          <div className="meta">
            {report.meta.map((m, i) => (
              <span key={i}>
                <span className="label">{m.label}：</span>
                {m.value}
              </span>
            ))}
          </div>
        ) : null}
        <table>
          <colgroup>
            {columnPercents(report).map((p, i) => (
              <col key={i} style={{ width: `${p.toFixed(2)}%` }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <Cells report={report} values={{}} header />
            </tr>
          </thead>
          <tbody>
            {report.rows.map((r, i) => (
              <tr key={i}>
                <Cells report={report} values={r} />
              </tr>
            ))}
            <Totals report={report} />
          </tbody>
        </table>
        {report.notes?.length ? (
          <ul className="notes">
            {report.notes.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        ) : null}
        <div className="signoff">
          <div className={sealed ? 'block sealed' : 'block'}>
            <Seal dataUrl={lh.sealImageDataUrl} />
            <div>{lh.unitName}</div>
            <div>{formatDate(report.generatedAt, tz)}</div>
          </div>
        </div>
        <div className="exported">
          {report.labels.generatedBy}：{report.generatedBy}　{report.labels.generatedAt}：{formatDateTime(report.generatedAt, tz)}
        </div>
      </body>
    </html>
  );
}

// Chromium renders header/footer templates in a separate context: the page's CSS
// does not apply, the default font-size is ~0 and backgrounds are dropped unless
// the template asks for exact colours itself.
const TEMPLATE_STYLE = {
  fontFamily: FONT_STACK.replace(/"/g, "'"),
  fontSize: '9px',
  color: '#444',
  WebkitPrintColorAdjust: 'exact',
  width: '100%',
  boxSizing: 'border-box',
  padding: `0 ${PRINT_MARGINS.left}`,
} as const;

/** '第 {n} 页' around Chromium's page-number element; without {n} the number follows after a space. */
function Label({ label, counter }: { label: string; counter: 'pageNumber' | 'totalPages' }) {
  const [before, after] = label.includes('{n}') ? label.split('{n}', 2) : [`${label} `, ''];
  return (
    <>
      {before}
      <span className={counter} />
      {after}
    </>
  );
}

function Footer({ report }: { report: TableReport }) {
  const lh = report.letterhead;
  const left = [lh.communityName, lh.complaintPhone].filter(Boolean).join('　');
  // Three equal flex cells keep the page number truly centred whatever the left text's length.
  // The wide word-spacing is for text extraction: Chromium embeds CFF CJK fonts (Noto CJK)
  // as Type 3, and pdftotext/search then only sees a word break around the number when
  // the gap is ~0.8em, so a normal space would read back as "第2页".
  return (
    <div style={{ ...TEMPLATE_STYLE, display: 'flex', alignItems: 'center' }}>
      <span style={{ flex: 1, textAlign: 'left', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>{left}</span>
      <span style={{ flex: 1, textAlign: 'center', whiteSpace: 'nowrap', wordSpacing: '0.6em' }}>
        <Label label={report.labels.page} counter="pageNumber" /> / <Label label={report.labels.of} counter="totalPages" />
      </span>
      <span style={{ flex: 1 }} />
    </div>
  );
}

function Header({ report }: { report: TableReport }) {
  return <div style={{ ...TEMPLATE_STYLE, fontSize: '8px', color: '#666', textAlign: 'right' }}>{report.title}</div>;
}

const markup = (node: ReactNode) => renderToStaticMarkup(node);

export function tableToPrintablePage(report: TableReport): PrintablePage {
  return {
    html: `<!doctype html>\n${markup(<TableDocument report={report} />)}`,
    headerTemplate: markup(<Header report={report} />),
    footerTemplate: markup(<Footer report={report} />),
    landscape: report.orientation === 'landscape',
    margins: { ...PRINT_MARGINS },
  };
}
