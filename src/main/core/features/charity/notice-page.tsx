import { renderToStaticMarkup } from 'react-dom/server';
import QRCode from 'qrcode';
import type { Notice } from '../../../../shared/contract/charity/notices';
import { FONT_STACK } from '../../reports/formats/html';
import type { PrintablePage } from '../../reports/model';
import { expenditureHeaders, fundHeaders, incomeHeaders, noticeHeader, noticeTables, assertPublicSafe } from './notice-files';

const css = (poster: boolean) => `
@page { size: ${poster ? 'A3' : 'A4'} portrait; margin: 16mm 14mm; }
body { margin: 0 auto; max-width: ${poster ? '270mm' : '182mm'}; font-family: ${FONT_STACK}; font-size: ${poster ? '14pt' : '10.5pt'}; color: #000; }
h1 { text-align: center; font-size: ${poster ? '30pt' : '18pt'}; margin: 4mm 0 2mm; }
.stamp { text-align: center; color: #b00; font-weight: bold; }
h2 { font-size: ${poster ? '18pt' : '12pt'}; margin: 5mm 0 2mm; }
table { width: 100%; border-collapse: collapse; }
th, td { border: 0.75pt solid #000; padding: 1.2mm 1.5mm; }
th { background: #f2f2f2; }
td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.meta td { border: none; padding: 0.5mm 1mm; }
.meta td:first-child { white-space: nowrap; font-weight: bold; }
.digest { font-family: monospace; word-break: break-all; }
.foot { display: flex; justify-content: space-between; align-items: flex-end; margin-top: 8mm; }
.qr { text-align: center; font-size: 8pt; }
.qr img { width: ${poster ? '45mm' : '30mm'}; height: auto; }
`;

function Table({ headers, rows, numeric }: { headers: string[]; rows: string[][]; numeric: number[] }) {
  return (
    <table>
      <thead>
        <tr>
          {headers.map((h) => (
            <th key={h}>{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={headers.length}>本期无记录</td>
          </tr>
        ) : (
          rows.map((r, i) => (
            <tr key={i}>
              {r.map((c, j) => (
                <td key={j} className={numeric.includes(j) ? 'n' : undefined}>
                  {c}
                </td>
              ))}
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}

function NoticePage({ notice, unitName, qr, poster }: { notice: Notice; unitName: string; qr: string; poster: boolean }) {
  const t = noticeTables(notice);
  return (
    <html lang="zh-CN">
      <head>
        <meta charSet="utf-8" />
        <title>{notice.title}</title>
        <style>{css(poster)}</style>
      </head>
      <body>
        <h1>{notice.title}</h1>
        {notice.supersedesId && <div className="stamp">更正公告</div>}
        <table className="meta">
          <tbody>
            {noticeHeader(notice).map(([k, v]) => (
              <tr key={k}>
                <td>{k}</td>
                <td className={k === '账本链头' ? 'digest' : undefined}>{v}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h2>一、收入</h2>
        <Table headers={incomeHeaders} rows={t.income} numeric={[0]} />
        <h2>二、支出</h2>
        <Table headers={expenditureHeaders} rows={t.expenditure} numeric={[0, 4]} />
        <h2>三、基金余额</h2>
        <Table headers={fundHeaders} rows={t.funds} numeric={[1, 2, 3, 4]} />
        <div className="foot">
          <div>
            <p>善款100%用于受困者，透明公开。任何人可用公开账本核对本公示的链头哈希（linli charity verify-notice）。</p>
            <p>
              {unitName}　{notice.publishedAt.slice(0, 10)}
            </p>
          </div>
          <div className="qr">
            <img src={qr} alt="digest" />
            <div className="digest">{notice.headHash.slice(0, 16)}…</div>
          </div>
        </div>
      </body>
    </html>
  );
}

/** The notice as one self-contained HTML page (styles and the QR code inline), for a website or printing. */
export async function noticeHtml(notice: Notice, unitName: string, poster = false): Promise<string> {
  const qr = await QRCode.toDataURL(notice.headHash, { margin: 1, width: 240 });
  const html = '<!doctype html>' + renderToStaticMarkup(<NoticePage notice={notice} unitName={unitName} qr={qr} poster={poster} />);
  // The QR image is a data URL of the digest: scan the visible text only.
  assertPublicSafe(html.replace(/data:image\/png;base64,[A-Za-z0-9+/=]+/g, ''));
  return html;
}

/** The page to print: A4, or the A3 poster for the notice board. */
export async function noticePrintable(notice: Notice, unitName: string, poster: boolean): Promise<PrintablePage> {
  return {
    html: await noticeHtml(notice, unitName, poster),
    headerTemplate: '<span></span>',
    footerTemplate: `<div style="font-size:8px;width:100%;text-align:center;"><span class="pageNumber"></span> / <span class="totalPages"></span></div>`,
    landscape: false,
    paper: poster ? 'A3' : 'A4',
    margins: { top: '16mm', right: '14mm', bottom: '16mm', left: '14mm' },
  };
}
