import ExcelJS from 'exceljs';
import type { Notice } from '../../../../shared/contract/charity/notices';
import { AppError } from '../../../../shared/errors';
import { formatFen } from '../../../../shared/values/money';
import { scanPublicText } from './public-scan';

/** The words every format prints around the tables. */
export function noticeHeader(n: Notice): [string, string][] {
  return [
    ['公示编号', n.number],
    ['公示期间', `${n.fromDate} 至 ${n.toDate}`],
    ['本期分录', n.firstSeq ? `第 ${n.firstSeq} 号至第 ${n.lastSeq} 号` : '本期无分录'],
    ['账本链头', `第 ${n.headSeq} 号分录，哈希 ${n.headHash}`],
    ['公示期', `自发布之日起 ${n.noticeDays} 天`],
    ['异议受理电话', n.objectionPhone],
    ...(n.supersedesId ? ([['更正说明', n.correctionReason ?? '']] as [string, string][]) : []),
  ];
}

export const incomeHeaders = ['序号', '日期', '捐赠人', '方式', '金额/物资', '定向用途', '票据号'];
export const expenditureHeaders = ['序号', '日期', '项目/用途', '受助对象', '金额', '审批', '经办人', '凭证号'];
export const fundHeaders = ['基金', '期初余额', '本期收入', '本期支出', '期末余额'];

export function noticeTables(n: Notice) {
  const b = n.body;
  return {
    income: b.income.map((r) => [String(r.no), r.date, r.donor, r.method, r.amount, r.purpose, r.receiptNo]),
    expenditure: b.expenditure.map((r) => [String(r.no), r.date, r.purpose, r.recipient, formatFen(r.amountFen), r.approval, r.handler, r.voucher]),
    funds: [
      ...b.funds.map((f) => [`${f.name}（${f.code}）`, formatFen(f.openingFen), formatFen(f.incomeFen), formatFen(f.expenseFen), formatFen(f.closingFen)]),
      ['合计', formatFen(b.totals.openingFen), formatFen(b.totals.incomeFen), formatFen(b.totals.expenseFen), formatFen(b.totals.closingFen)],
    ],
  };
}

/** Refuses an output that shows an ID number, a phone, a bank account or an address. */
export function assertPublicSafe(text: string): void {
  const found = scanPublicText(text);
  if (found.length) throw new AppError('charity.public_leak', 'A public output would show private data', { params: { kind: found[0].kind } });
}

function csvCell(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** CSV in UTF-8 with a BOM (Excel and WPS open Chinese correctly), the sections one after another. */
export function noticeCsv(n: Notice): Uint8Array {
  const t = noticeTables(n);
  const lines: string[][] = [
    [n.title],
    ...noticeHeader(n),
    [],
    ['收入'],
    incomeHeaders,
    ...t.income,
    [],
    ['支出'],
    expenditureHeaders,
    ...t.expenditure,
    [],
    ['基金余额'],
    fundHeaders,
    ...t.funds,
  ];
  const text = lines.map((l) => l.map(csvCell).join(',')).join('\r\n') + '\r\n';
  assertPublicSafe(text);
  return new TextEncoder().encode('\uFEFF' + text);
}

export async function noticeXlsx(n: Notice): Promise<Uint8Array> {
  const t = noticeTables(n);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Linli';
  const sheet = (name: string, headers: string[], rows: string[][], widths: number[]) => {
    const ws = wb.addWorksheet(name);
    ws.addRow([n.title]).font = { bold: true, size: 14 };
    ws.addRow(headers).font = { bold: true };
    for (const r of rows) ws.addRow(r);
    ws.columns.forEach((c, i) => (c.width = widths[i] ?? 14));
  };
  const info = wb.addWorksheet('说明');
  info.addRow([n.title]).font = { bold: true, size: 14 };
  for (const [k, v] of noticeHeader(n)) info.addRow([k, v]);
  info.getColumn(1).width = 16;
  info.getColumn(2).width = 90;
  sheet('收入', incomeHeaders, t.income, [6, 12, 14, 8, 24, 20, 14]);
  sheet('支出', expenditureHeaders, t.expenditure, [6, 12, 22, 10, 14, 20, 10, 12]);
  sheet('基金余额', fundHeaders, t.funds, [28, 16, 16, 16, 16]);
  const all = [n.title, ...noticeHeader(n).flat(), ...t.income.flat(), ...t.expenditure.flat(), ...t.funds.flat()].join('\n');
  assertPublicSafe(all);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
