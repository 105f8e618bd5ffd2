import type { PageMargins, PrintablePage, ReportColumn, TableReport } from '../model';
import { DEFAULT_TIME_ZONE, fillLabel, formatCell, formatDate, formatDateTime, isNumericColumn } from '../format-cell';

export const FONT_STACK = '"Noto Serif CJK SC","Noto Sans CJK SC","SimSun","Songti SC",serif';

// Top/bottom margins leave room for Chromium's header/footer templates, which are
// painted inside the page margin box.
export const PRINT_MARGINS: PageMargins = { top: '18mm', right: '14mm', bottom: '18mm', left: '14mm' };

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Every piece of user data reaches the page through this: cells hold names typed by residents. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

function alignOf(col: ReportColumn): 'left' | 'center' | 'right' {
  return col.align ?? (isNumericColumn(col) ? 'right' : col.kind === 'date' || col.kind === 'datetime' ? 'center' : 'left');
}

/** Relative widths become percentages so the table always fits the printable width (no clipped columns). */
export function columnPercents(columns: ReportColumn[]): number[] {
  const widths = columns.map((c) => Math.max(1, c.width ?? 10));
  const sum = widths.reduce((a, b) => a + b, 0);
  return widths.map((w) => (w / sum) * 100);
}

function cellsHtml(report: TableReport, values: Record<string, unknown>, tag: 'td' | 'th'): string {
  const tz = report.timeZone ?? DEFAULT_TIME_ZONE;
  return report.columns
    .map((col) => {
      const text = formatCell((values[col.key] ?? null) as never, col, tz);
      return `<${tag} class="a-${alignOf(col)}">${escapeHtml(text)}</${tag}>`;
    })
    .join('');
}

function totalsHtml(report: TableReport): string {
  if (!report.totals) return '';
  // The first column carries the word 合计 unless the report already put something there.
  const first = report.columns[0];
  const values = { ...report.totals };
  if (first && (values[first.key] === undefined || values[first.key] === null)) values[first.key] = report.labels.total;
  return `<tr class="totals">${cellsHtml(report, values, 'td')}</tr>`;
}

/** Only inline images: a remote URL would make the headless browser reach the network. */
function sealHtml(dataUrl: string | undefined): string {
  if (!dataUrl || !/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/=]+$/.test(dataUrl)) return '';
  return `<img class="seal" alt="" src="${escapeHtml(dataUrl)}">`;
}

function css(landscape: boolean): string {
  const m = PRINT_MARGINS;
  return `
@page { size: A4 ${landscape ? 'landscape' : 'portrait'}; margin: ${m.top} ${m.right} ${m.bottom} ${m.left}; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: ${FONT_STACK}; font-size: 10.5pt; line-height: 1.45; color: #000; }
.letterhead { text-align: center; border-bottom: 1.5pt solid #c00; padding-bottom: 3mm; margin-bottom: 5mm; }
.letterhead .community { font-size: 17pt; font-weight: bold; letter-spacing: 0.15em; text-indent: 0.15em; color: #c00; }
.letterhead .street, .letterhead .contact { font-size: 9pt; color: #333; }
h1 { text-align: center; font-size: 18pt; font-weight: bold; letter-spacing: 0.2em; text-indent: 0.2em; margin: 0 0 1mm; }
/* text-indent balances the trailing letter-spacing so spaced titles stay centred. */
.subtitle { text-align: center; font-size: 11pt; margin-bottom: 2mm; }
.meta { display: flex; flex-wrap: wrap; gap: 1mm 8mm; font-size: 9.5pt; margin: 3mm 0; }
.meta .label { font-weight: bold; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: 9pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 0.75pt solid #000; padding: 1.2mm 1.5mm; vertical-align: middle; overflow-wrap: anywhere; word-break: break-word; }
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

function documentHtml(report: TableReport): string {
  const lh = report.letterhead;
  const tz = report.timeZone ?? DEFAULT_TIME_ZONE;
  const contact = [lh.address, lh.servicePhone].filter(Boolean).join('　');
  const cols = columnPercents(report.columns).map((p) => `<col style="width:${p.toFixed(2)}%">`).join('');
  const head = report.columns.map((c) => `<th>${escapeHtml(c.header)}</th>`).join('');
  const body = report.rows.map((r) => `<tr>${cellsHtml(report, r, 'td')}</tr>`).join('\n');
  const meta = report.meta
    .map((m) => `<span><span class="label">${escapeHtml(m.label)}：</span>${escapeHtml(m.value)}</span>`)
    .join('');
  const seal = sealHtml(lh.sealImageDataUrl);
  const notes = report.notes?.length ? `<ul class="notes">${report.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>` : '';
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(report.title)}</title><style>${css(report.orientation === 'landscape')}</style></head>
<body>
<div class="letterhead">
  <div class="community">${escapeHtml(lh.communityName)}</div>
  ${lh.streetOffice ? `<div class="street">${escapeHtml(lh.streetOffice)}</div>` : ''}
  ${contact ? `<div class="contact">${escapeHtml(contact)}</div>` : ''}
</div>
<h1>${escapeHtml(report.title)}</h1>
${report.subtitle ? `<div class="subtitle">${escapeHtml(report.subtitle)}</div>` : ''}
${meta ? `<div class="meta">${meta}</div>` : ''}
<table><colgroup>${cols}</colgroup>
<thead><tr>${head}</tr></thead>
<tbody>
${body}
${totalsHtml(report)}
</tbody></table>
${notes}
<div class="signoff"><div class="block${seal ? ' sealed' : ''}">${seal}
  <div>${escapeHtml(lh.unitName)}</div><div>${escapeHtml(formatDate(report.generatedAt, tz))}</div>
</div></div>
<div class="exported">${escapeHtml(report.labels.generatedBy)}：${escapeHtml(report.generatedBy)}　${escapeHtml(report.labels.generatedAt)}：${escapeHtml(formatDateTime(report.generatedAt, tz))}</div>
</body></html>`;
}

// Chromium renders header/footer templates in a separate context: the page's CSS
// does not apply, the default font-size is ~0 and backgrounds are dropped unless
// the template asks for exact colours itself.
const TEMPLATE_STYLE = `font-family:${FONT_STACK.replace(/"/g, "'")};font-size:9px;color:#444;-webkit-print-color-adjust:exact;width:100%;box-sizing:border-box;padding:0 ${PRINT_MARGINS.left};`;

function footerTemplate(report: TableReport): string {
  const lh = report.letterhead;
  const left = [lh.communityName, lh.complaintPhone].filter(Boolean).join('　');
  const page = fillLabel(escapeHtml(report.labels.page), '<span class="pageNumber"></span>');
  const total = fillLabel(escapeHtml(report.labels.of), '<span class="totalPages"></span>');
  // Three equal flex cells keep the page number truly centred whatever the left text's length.
  // The wide word-spacing is for text extraction: Chromium embeds CFF CJK fonts (Noto CJK)
  // as Type 3, and pdftotext/search then only sees a word break around the number when
  // the gap is ~0.8em, so a normal space would read back as "第2页".
  return `<div style="${TEMPLATE_STYLE}display:flex;align-items:center;">
<span style="flex:1;text-align:left;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;">${escapeHtml(left)}</span>
<span style="flex:1;text-align:center;white-space:nowrap;word-spacing:0.6em;">${page} / ${total}</span>
<span style="flex:1;"></span></div>`;
}

function headerTemplate(report: TableReport): string {
  return `<div style="${TEMPLATE_STYLE}font-size:8px;color:#666;text-align:right;">${escapeHtml(report.title)}</div>`;
}

export function tableToPrintablePage(report: TableReport): PrintablePage {
  return {
    html: documentHtml(report),
    headerTemplate: headerTemplate(report),
    footerTemplate: footerTemplate(report),
    landscape: report.orientation === 'landscape',
    margins: { ...PRINT_MARGINS },
  };
}
