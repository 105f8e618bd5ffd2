import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChromiumPdfRenderer } from '../../../src/main/core/reports/formats/pdf-chromium';
import { receiptDocument } from '../../../src/main/core/features/hall/receipt-document';
import { jobFile, runJob } from '../../fixtures/residents/support';
import { allReceived, idFor, pensionApplication, setToday, ticketsHall, type TicketsHall } from './tickets-fixture';

// The counter's printouts run as the ticket page's print buttons run them (reports.run → the document engine
// or the table renderers), read back with pdftotext, from the Word XML and with exceljs.

let f: TicketsHall;
const idNumber = idFor('19580615', 27);
const phone = '13704725566';
let deficient: string;
let notified: string;
let refused: string;
let plain: string;
let deficientNumber: string;

beforeAll(async () => {
  f = await ticketsHall({ pdf: createChromiumPdfRenderer() });
  await setToday(f.hall, '2026-11-23');
  const d = await f.hall.call(
    'hall.register',
    pensionApplication(f, {
      applicantName: '陈淑珍',
      applicantIdNumber: idNumber,
      applicantPhone: phone,
      outcome: 'accept_deficient',
      received: allReceived(f.pension, ['户口簿', '本人银行卡（存折）']),
      supplementBy: '2026-11-26',
      pledgeSigned: true,
    }),
    f.clerk,
  );
  deficient = d.id;
  deficientNumber = d.number;
  notified = (
    await f.hall.call(
      'hall.register',
      pensionApplication(f, { applicantName: '黄德明', applicantIdNumber: idNumber, outcome: 'notify', received: allReceived(f.pension, ['户口簿']) }),
      f.clerk,
    )
  ).id;
  const r = await f.hall.call(
    'hall.register',
    pensionApplication(f, { applicantName: '林文斌', outcome: 'notify', received: allReceived(f.pension, ['户口簿']) }),
    f.clerk,
  );
  await f.hall.call('hall.refuse', { id: r.id, reason: '申请人已参加职工基本养老保险，不符合城乡居民养老保险参保条件' }, f.clerk);
  refused = r.id;
  plain = (await f.hall.call('hall.register', pensionApplication(f, { applicantName: '吴春梅' }), f.clerk)).id;
  await f.hall.call('hall.complete', { id: plain, result: '已办结' }, f.clerk);
  await f.hall.call('hall.rate', { id: plain, level: 5 }, f.clerk);
}, 60_000);
afterAll(() => f.hall.close());

async function print(name: string, format: 'pdf' | 'docx' | 'xlsx' | 'csv', params: Record<string, unknown>, token = f.clerk) {
  const end = await runJob(f.hall, () => f.hall.call('reports.run', { name, format, params }, token), token);
  return { end, bytes: end.done ? jobFile(f.hall, end, token) : null };
}

function pdfText(bytes: Buffer, name: string): string {
  const file = path.join(f.hall.dir, `${name}.pdf`);
  fs.writeFileSync(file, bytes);
  // LINLI_KEEP_DOCS=/some/folder keeps the printouts to look at.
  if (process.env.LINLI_KEEP_DOCS) fs.copyFileSync(file, path.join(process.env.LINLI_KEEP_DOCS, `${name}.pdf`));
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
}

async function docxText(bytes: Buffer): Promise<{ text: string; media: string[] }> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  return {
    text: [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''),
    media: Object.keys(zip.files).filter((n) => n.startsWith('word/media/')),
  };
}

const maskedId = `${idNumber.slice(0, 3)}***********${idNumber.slice(-4)}`;

describe('受理回执', () => {
  it('prints the receipt: number, matter, applicant masked, materials, dates in working days, 首问责任人, phones, 容缺 items; never the full ID', async () => {
    const { bytes, end } = await print('hall_receipt', 'pdf', { ticket: deficient });
    expect(end.failed).toBeUndefined();
    const text = pdfText(bytes!, 'receipt');
    for (const words of [
      '受理回执',
      deficientNumber,
      '城乡居民养老保险参保登记',
      '陈淑珍',
      maskedId,
      '137****5566',
      '收件材料清单',
      '居民身份证',
      '原件及复印件',
      '受理日期',
      '2026年11月23日',
      '承诺办结日期',
      '2026年11月30日（5个工作日）',
      '办理进度查询方式',
      '凭本回执编号到服务窗口查询，或拨打0472-1234567查询',
      '受理人（首问责任人）',
      'chuangkou',
      '监督投诉电话',
      '0472-7654321',
      '容缺材料及补正期限',
      '户口簿，请于2026年11月26日前补交',
      '幸福社区居民委员会',
    ])
      expect(text, words).toContain(words);
    expect(text).not.toContain(idNumber);
    expect(text).not.toContain(phone);
    // The material not received is not on the list of what was received.
    expect(text).not.toContain('本人银行卡');
  }, 60_000);

  it('the Word receipt says the same and carries the QR code; the code holds the ticket number', async () => {
    const { bytes } = await print('hall_receipt', 'docx', { ticket: deficientNumber });
    const { text, media } = await docxText(bytes!);
    expect(text).toContain(deficientNumber);
    expect(text).toContain('2026年11月30日（5 个工作日）');
    expect(text).toContain(maskedId);
    expect(text).not.toContain(idNumber);
    expect(media.some((m) => m.endsWith('.png'))).toBe(true);
    const view = await f.hall.call('hall.getTicket', { id: deficient }, f.clerk);
    const doc = receiptDocument({ ticket: view, letterhead: { communityName: '', unitName: '幸福社区居民委员会' }, timeLimitDays: 5, generatedAt: '' });
    expect(doc.blocks.find((b) => b.kind === 'qr')).toMatchObject({ kind: 'qr', data: deficientNumber });
  }, 60_000);

  it('a notified ticket has no receipt (it gets the notice); a grid worker may not print one', async () => {
    const { end } = await print('hall_receipt', 'pdf', { ticket: notified });
    expect(end.failed?.error.code).toBe('hall.not_accepted');
    expect((await print('hall_receipt', 'pdf', { ticket: 'SL2026-999999' })).end.failed?.error.code).toBe('hall.ticket_not_found');
    expect((await f.hall.fail('reports.run', { name: 'hall_receipt', format: 'pdf', params: { ticket: deficient } }, f.gridWorker)).code).toBe(
      'auth.forbidden',
    );
  });
});

describe('告知书', () => {
  it('一次性告知书: the guide in full (basis, conditions, every material with form, copies, issuer, time limit, fee, place, contact) and exactly what is missing', async () => {
    const { bytes } = await print('hall_notice', 'pdf', { ticket: notified });
    const text = pdfText(bytes!, 'one-time-notice');
    for (const words of [
      '一次性告知书',
      '黄德明：',
      '《中华人民共和国行政许可法》第三十二条',
      '需要补正的材料',
      '户口簿',
      '公安机关',
      '人社部发〔2014〕23号',
      '年满16周岁',
      '5个工作日',
      '不收费',
      '社区服务大厅1号窗口',
      '0472-1234501',
      '缺，需补正',
      '已收',
      '首问责任人',
      '0472-7654321',
    ])
      expect(text, words).toContain(words);
    expect(text).not.toContain(idNumber);
  }, 60_000);

  it('不予受理告知书: the reason and the remedies, dated; a ticket neither notified nor refused has no notice', async () => {
    const { bytes } = await print('hall_notice', 'docx', { ticket: refused });
    const { text } = await docxText(bytes!);
    expect(text).toContain('不予受理告知书');
    expect(text).toContain('林文斌：');
    expect(text).toContain('决定不予受理');
    expect(text).toContain('申请人已参加职工基本养老保险');
    expect(text).toContain('六十日内依法申请行政复议');
    expect(text).toContain('2026年11月23日');
    expect((await print('hall_notice', 'pdf', { ticket: plain })).end.failed?.error.code).toBe('hall.no_notice');
  }, 60_000);
});

describe('办件台账 and 督办清单', () => {
  it('the ledger in Excel: the columns DOMAIN asks for, every ticket of the range, and no ID number, phone or address', async () => {
    const { bytes } = await print('hall_ledger', 'xlsx', { from: '2026-11-01', to: '2026-11-30' }, f.auditor);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes! as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const cells: string[] = [];
    sheet.eachRow((row) => row.eachCell((c) => cells.push(String(c.text ?? ''))));
    const all = cells.join('|');
    for (const header of ['受理编号', '登记日期', '类别', '事项', '申请人姓名', '状态', '受理日期', '承诺办结日期', '办结日期', '首问责任人', '承办人', '评价'])
      expect(all).toContain(header);
    for (const name of ['陈淑珍', '黄德明', '林文斌', '吴春梅']) expect(all).toContain(name);
    expect(all).toContain('非常满意');
    expect(all).toContain('不予受理');
    expect(all).not.toContain(idNumber);
    expect(all).not.toMatch(/\d{17}[\dX]/);
    expect(all).not.toMatch(/1[3-9]\d{9}/);
    expect(all).not.toContain('****');
    expect(all).not.toContain('幸福路');
  }, 60_000);

  it('the ledger in CSV for a range without tickets is empty but well formed; a range backwards is refused', async () => {
    const { bytes } = await print('hall_ledger', 'csv', { from: '2026-01-01', to: '2026-01-31' });
    expect(bytes!.toString('utf8')).toContain('受理编号');
    expect((await f.hall.fail('reports.run', { name: 'hall_ledger', format: 'csv', params: { from: '2026-12-01', to: '2026-11-01' } })).code).toBe(
      'contract.invalid_input',
    );
  });

  it('the 督办清单 lists the board: overdue, due soon, follow-ups, late 容缺', async () => {
    await setToday(f.hall, '2026-11-30', f.auditor);
    await f.hall.call('hall.rate', { id: deficient, level: 1, comment: '等太久' }, f.clerk);
    const { bytes } = await print('hall_supervision', 'xlsx', {}, f.auditor);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes! as unknown as ArrayBuffer);
    const cells: string[] = [];
    book.worksheets[0].eachRow((row) => row.eachCell((c) => cells.push(String(c.text ?? ''))));
    const all = cells.join('|');
    expect(all).toContain('督办清单');
    expect(all).toContain('即将到期');
    expect(all).toContain('差评待回访');
    expect(all).toContain('容缺补正逾期');
    expect(all).toContain('承诺 2026-11-26 前补正');
    expect(all).toContain(deficientNumber);
    expect(all).not.toContain(idNumber);
  }, 60_000);
});
