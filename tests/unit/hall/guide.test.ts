import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, openTestHall, type TestHall } from '../support/core';
import { createChromiumPdfRenderer } from '../../../src/main/core/reports/formats/pdf-chromium';
import { jobFile, runJob } from '../../fixtures/residents/support';
import type { HallService } from '../../../src/shared/contract/hall';

// The 办事指南 printed as the catalogue screen's print button prints it: report hall_service_guide through
// reports.run and the document engine, read back from the PDF (pdftotext), the DOCX and the web page.

let hall: TestHall;
let gridWorker: string;
let treasurer: string;
let pension: HallService;
let onTheSpot: HallService;
beforeAll(async () => {
  hall = await openTestHall({ pdf: createChromiumPdfRenderer() });
  gridWorker = await addUser(hall, 'wangge', ['grid_worker']);
  treasurer = await addUser(hall, 'chuna', ['treasurer']);
  pension = await hall.call('hall.saveService', {
    code: 'SB-01',
    name: '城乡居民养老保险参保登记',
    category: '社会保险',
    department: '街道社保所',
    legalBasis: '《城乡居民基本养老保险经办规程》（人社部发〔2014〕23号）第六条',
    conditions: '年满16周岁（不含在校学生）的本社区户籍居民',
    timeLimitDays: 5,
    place: '社区服务大厅 1 号窗口',
    materials: [
      { name: '居民身份证', form: 'original_and_copy', copies: 1, issuer: '公安机关', required: true },
      { name: '近期一寸免冠彩色照片', form: 'original', copies: 2 },
      { name: '医院诊断证明', form: 'copy', issuer: '二级以上医院', required: false },
    ],
  });
  onTheSpot = await hall.call('hall.saveService', {
    code: 'JS-01',
    name: '生育登记',
    department: '街道卫健办',
    timeLimitDays: 0,
    fee: '不收费',
    contact: '0472-1234503',
    materials: [],
  });
});
afterAll(() => hall.close());

async function print(format: 'pdf' | 'docx' | 'html', service: string, token = hall.adminToken) {
  const end = await runJob(hall, () => hall.call('reports.run', { name: 'hall_service_guide', format, params: { service } }, token), token);
  return { end, bytes: end.done ? jobFile(hall, end, token) : null };
}

function pdfText(bytes: Buffer, name: string): string {
  const file = path.join(hall.dir, `${name}.pdf`);
  fs.writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
}

async function docxText(bytes: Buffer): Promise<string> {
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

describe('the 办事指南 (hall_service_guide)', () => {
  it('prints every part of the guide in the PDF: name and code, basis, conditions, materials, time limit, fee, place, phones, department', async () => {
    const t = pdfText((await print('pdf', pension.id)).bytes!, 'guide-pension');
    expect(t).toContain('幸福社区居民委员会');
    expect(t).toContain('城乡居民养老保险参保登记办事指南');
    expect(t).toContain('SB-01');
    expect(t).toContain('设定依据');
    expect(t).toContain('人社部发〔2014〕23号');
    expect(t).toContain('受理条件');
    expect(t).toContain('年满16周岁');
    expect(t).toContain('申请材料');
    for (const header of ['材料名称', '原件/复印件', '份数', '出具单位', '是否必需']) expect(t).toContain(header);
    expect(t).toMatch(/居民身份证原件及复印件1公安机关必需/);
    expect(t).toMatch(/近期一寸免冠彩色照片原件2申请人自备必需/);
    expect(t).toMatch(/医院诊断证明复印件1二级以上医院非必需/);
    expect(t).toContain('容缺受理');
    expect(t).toContain('5个工作日');
    expect(t).toContain('不收费');
    expect(t).toContain('青山区幸福路1号社区服务大厅1号窗口');
    // No phone of its own: the hall's service phone; the complaint line is the community profile's.
    expect(t).toContain('咨询电话：0472-1234567');
    expect(t).toContain('监督投诉电话：0472-7654321');
    expect(t).toContain('承办部门');
    expect(t).toContain('街道社保所');
  }, 60_000);

  it('an on-the-spot service reads 即办, with its own phone and no materials', async () => {
    const t = pdfText((await print('pdf', onTheSpot.id)).bytes!, 'guide-birth');
    expect(t).toContain('生育登记办事指南');
    expect(t).toContain('即办');
    expect(t).not.toContain('个工作日');
    expect(t).toContain('咨询电话：0472-1234503');
    expect(t).toContain('无需提交材料');
    // Left empty in the catalogue: printed as 无, not dropped.
    expect(t).toContain('设定依据无');
  }, 60_000);

  it('prints the same guide as Word and as a web page', async () => {
    const docx = await docxText((await print('docx', pension.id)).bytes!);
    expect(docx).toContain('城乡居民养老保险参保登记办事指南');
    expect(docx).toContain('医院诊断证明');
    expect(docx).toContain('非必需');
    expect(docx).toContain('0472-7654321');
    const html = (await print('html', pension.id)).bytes!.toString('utf8');
    expect(html).toContain('城乡居民养老保险参保登记办事指南');
    expect(html).toContain('近期一寸免冠彩色照片');
    expect(html).toContain('5个工作日');
  }, 60_000);

  it('an archived service is printed stamped 已停办', async () => {
    await hall.call('hall.setServiceArchived', { id: onTheSpot.id, archived: true });
    expect(pdfText((await print('pdf', onTheSpot.id)).bytes!, 'guide-archived')).toContain('已停办');
    await hall.call('hall.setServiceArchived', { id: onTheSpot.id, archived: false });
  }, 60_000);

  it('a grid worker prints it (hall.read); a treasurer cannot; an unknown service is refused; each print is audited', async () => {
    const exports = () => hall.core.services.sqlite.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'reports.export'").get() as { n: number };
    const before = exports().n;
    expect((await print('pdf', pension.id, gridWorker)).end.done).toBeTruthy();
    expect(exports().n).toBe(before + 1);
    expect((await hall.fail('reports.run', { name: 'hall_service_guide', format: 'pdf', params: { service: pension.id } }, treasurer)).code).toBe(
      'auth.forbidden',
    );
    expect((await print('pdf', 'no-such-service')).end.failed?.error.code).toBe('hall.service_not_found');
  }, 60_000);
});
