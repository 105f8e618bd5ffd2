import { renderToStaticMarkup } from 'react-dom/server';
import type { PrintablePage } from '../../../reports/model';
import type { ReportContext } from '../../../reports/registry';
import { FONT_STACK, PRINT_MARGINS } from '../../../reports/formats/html';
import { formatDate } from '../../../reports/format-cell';

// The 居民信息登记表 page, written in JSX and rendered with react-dom/server: names, notes and addresses are
// React children, escaped on the way out.

export interface Member {
  name: string;
  relation_to_head: string;
  gender: string | null;
  birth_date: string | null;
  id_masked: string;
  phone_masked: string;
  status: string;
  notes: string;
  is_head: number;
}

export interface HouseholdFormData {
  title: string;
  number: string;
  address: string;
  relation: string;
  grid: string;
  head: string;
  members: Member[];
}

/** Blank rows under the members, for people added by hand at the door. */
const MIN_ROWS = 8;
const WIDTHS = [6, 11, 10, 6, 12, 19, 13, 9, 14];
const COLUMNS = ['seq', 'name', 'relation', 'gender', 'birthDate', 'idNumber', 'phone', 'status', 'notes'] as const;

function css(): string {
  const m = PRINT_MARGINS;
  return `
@page { size: A4 portrait; margin: ${m.top} ${m.right} ${m.bottom} ${m.left}; }
body { margin: 0; font-family: ${FONT_STACK}; font-size: 10.5pt; color: #000; }
.unit { text-align: center; font-size: 12pt; letter-spacing: 0.1em; }
h1 { text-align: center; font-size: 20pt; letter-spacing: 0.3em; text-indent: 0.3em; margin: 2mm 0 5mm; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
th, td { border: 0.75pt solid #000; padding: 1.8mm 1.5mm; vertical-align: middle; overflow-wrap: anywhere; }
th { font-weight: bold; background: #f2f2f2; }
.info th { width: 16%; text-align: center; }
.members th { text-align: center; font-size: 9.5pt; }
.members td { font-size: 9.5pt; height: 7mm; }
.c { text-align: center; } .mono { font-variant-numeric: tabular-nums; }
.section { font-weight: bold; margin: 5mm 0 2mm; }
.notes { border: 0.75pt solid #000; height: 22mm; padding: 1.5mm; }
.signs { display: flex; justify-content: space-between; margin-top: 12mm; font-size: 11pt; }
.signs span { white-space: nowrap; word-spacing: 0.6em; }
.line { display: inline-block; border-bottom: 0.75pt solid #000; width: 32mm; }
.privacy { margin-top: 8mm; font-size: 8.5pt; color: #333; }
`;
}

function FormPage({ ctx, d }: { ctx: ReportContext; d: HouseholdFormData }) {
  const t = (k: string, p?: Record<string, string | number>) => ctx.t(`householdForm.${k}`, p);
  const today = formatDate(ctx.frame.generatedAt, ctx.timeZone);
  const gender = (g: string | null) => (g ? ctx.t(`registerReport.gender.${g}`) : '');
  const blanks = Array.from({ length: Math.max(0, MIN_ROWS - d.members.length) }, (_, i) => d.members.length + i + 1);
  return (
    <html lang="zh-CN">
      <head>
        <meta charSet="utf-8" />
        <title>{d.title}</title>
        <style dangerouslySetInnerHTML={{ __html: css() }} />
      </head>
      <body>
        <div className="unit">{ctx.frame.letterhead.communityName}</div>
        <h1>{d.title}</h1>
        <table className="info">
          <tbody>
            <tr>
              <th>{t('number')}</th>
              <td>{d.number}</td>
              <th>{t('registeredOn')}</th>
              <td>{today}</td>
            </tr>
            <tr>
              <th>{t('address')}</th>
              <td colSpan={3}>{d.address}</td>
            </tr>
            <tr>
              <th>{t('relation')}</th>
              <td>{d.relation}</td>
              <th>{t('grid')}</th>
              <td>{d.grid}</td>
            </tr>
            <tr>
              <th>{t('head')}</th>
              <td>{d.head}</td>
              <th>{t('size')}</th>
              <td>{t('people', { n: d.members.length })}</td>
            </tr>
          </tbody>
        </table>
        <div className="section">{t('members')}</div>
        <table className="members">
          <colgroup>
            {WIDTHS.map((w, i) => (
              <col key={i} style={{ width: `${w}%` }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th key={c}>{t(`columns.${c}`)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {d.members.map((m, i) => (
              <tr key={i}>
                <td className="c">{i + 1}</td>
                <td>{m.name}</td>
                <td className="c">{m.relation_to_head}</td>
                <td className="c">{gender(m.gender)}</td>
                <td className="c">{m.birth_date ?? ''}</td>
                <td className="mono">{m.id_masked}</td>
                <td className="mono">{m.phone_masked}</td>
                <td className="c">{m.status}</td>
                <td>{m.notes}</td>
              </tr>
            ))}
            {blanks.map((n) => (
              <tr key={`blank-${n}`} className="blank">
                <td className="c">{n}</td>
                {COLUMNS.slice(1).map((c) => (
                  <td key={c} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <div className="section">{t('notes')}</div>
        <div className="notes" />
        <div className="signs">
          <span>
            {t('registrar')}： <span className="line" />
          </span>
          <span>
            {t('headSignature')}： <span className="line" />
          </span>
          <span>
            {t('date')}： {t('dateBlank')}
          </span>
        </div>
        <div className="privacy">{t('privacy')}</div>
      </body>
    </html>
  );
}

export function householdFormPage(ctx: ReportContext, d: HouseholdFormData): PrintablePage {
  const m = PRINT_MARGINS;
  const style = { fontFamily: FONT_STACK.replace(/"/g, "'"), fontSize: '8px', color: '#555', width: '100%', padding: `0 ${m.left}` };
  const community = ctx.frame.letterhead.communityName;
  return {
    html: `<!doctype html>\n${renderToStaticMarkup(<FormPage ctx={ctx} d={d} />)}`,
    headerTemplate: renderToStaticMarkup(<div style={{ ...style, textAlign: 'right' }}>{`${d.title} ${d.number}`}</div>),
    footerTemplate: renderToStaticMarkup(
      <div style={{ ...style, textAlign: 'center', wordSpacing: '0.6em' }}>
        {community} <span className="pageNumber" /> / <span className="totalPages" />
      </div>,
    ),
    landscape: false,
    margins: { ...m },
  };
}
