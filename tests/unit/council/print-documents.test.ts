import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { adminPassword } from '../support/core';
import { linli } from '../cli/run-cli';
import { councilMinutesReport } from '../../../src/main/core/features/council/documents/reports';
import { councilHall, holdMeeting, openMeeting, type CouncilFixture } from './fixture';

// The meeting page's other print buttons run these reports; here through `linli report`, the same path
// (reports.run: permission, audit, job), read back from the files.

let f: CouncilFixture;
let held: string;
let secret: string;
beforeAll(async () => {
  f = await councilHall(9);
  held = (await holdMeeting(f)).id;
  const view = await f.hall.call('council.getMeeting', { id: held }, f.secretary);
  await f.hall.call('council.setActionStatus', { id: view.actionItems[0].id, status: 'done', result: '已取得三家厂家报价' }, f.secretary);
  // A second meeting, open, with a secret-ballot motion and minutes only drafted.
  secret = (await openMeeting(f, 8)).id;
  await f.hall.call('council.addMotion', { meetingId: secret, title: '推选楼组长', method: 'secret' }, f.secretary);
  await f.hall.call('council.saveMinutes', { meetingId: secret, text: '会议推选楼组长。' }, f.secretary);
  await f.hall.close();
});
afterAll(() => fs.rmSync(f.hall.dir, { recursive: true, force: true }));

async function report(name: string, meeting: string, format: 'pdf' | 'docx') {
  const out = path.join(f.hall.dir, `${name}-${meeting}.${format}`);
  const args = ['report', name, '--db', f.hall.dbPath, '--user', 'admin', '--format', format, '--out', out, '--param', `meeting=${meeting}`];
  const run = await linli(args, `${adminPassword}\n`);
  // LINLI_KEEP_DOCS=/some/folder keeps the printouts, to look at them (pdftoppm -png).
  if (process.env.LINLI_KEEP_DOCS && run.code === 0) fs.copyFileSync(out, path.join(process.env.LINLI_KEEP_DOCS, path.basename(out)));
  return { run, out };
}
async function text(name: string, meeting: string, format: 'pdf' | 'docx'): Promise<string> {
  const { run, out } = await report(name, meeting, format);
  expect(run.code, run.stderr).toBe(0);
  if (format === 'pdf') return execFileSync('pdftotext', ['-enc', 'UTF-8', out, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  const xml = await (await JSZip.loadAsync(fs.readFileSync(out))).file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

describe('the council documents as reports', () => {
  it('the meeting notice (public: read back and passed the personal-data scan)', async () => {
    const t = await text('council_notice', held, 'pdf');
    expect(t).toContain('关于召开2026年第四季度居民代表会议的通知');
    expect(t).toContain('小区加装电梯资金筹集');
  });

  it('the 签到表 lists the roll with the leave reasons', async () => {
    const t = await text('council_attendance', held, 'pdf');
    expect(t).toContain('2026年第四季度居民代表会议签到表');
    expect(t).toContain('张建国');
    expect(t).toContain('请假：出差');
    expect(t).toContain('签名');
    expect(t).toContain('钱监督');
  });

  it('the 签到表 leaves room to sign by hand: rows at least 12 mm high, in PDF and DOCX', async () => {
    const { out } = await report('council_attendance', held, 'docx');
    const xml = await (await JSZip.loadAsync(fs.readFileSync(out))).file('word/document.xml')!.async('string');
    expect(xml).toMatch(/<w:trHeight w:val="680" w:hRule="atLeast"\/>/);
    // In the PDF the names stand one row apart: 12 mm is 34 pt between two names' baselines, or more.
    const { out: pdf } = await report('council_attendance', held, 'pdf');
    const bbox = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
    const top = (word: string) => Number(new RegExp(`yMin="([\\d.]+)"[^>]*>${word}<`).exec(bbox)![1]);
    expect(top('李秀英') - top('张建国')).toBeGreaterThanOrEqual(33);
  });

  it('ballots only for a meeting with a secret ballot', async () => {
    expect(await text('council_ballots', secret, 'docx')).toContain('推选楼组长');
    const refused = await report('council_ballots', held, 'docx');
    expect(refused.run.code).toBe(1);
    expect(refused.run.stderr).toContain('本次会议没有无记名投票的动议');
  });

  it('实施结果公开 of the done action items; none for a meeting without one', async () => {
    const t = await text('council_results', held, 'docx');
    expect(t).toContain('居民议事决议实施结果公开');
    expect(t).toContain('联系电梯厂家报价');
    expect(t).toContain('已取得三家厂家报价');
    const refused = await report('council_results', secret, 'docx');
    expect(refused.run.code).toBe(1);
    expect(refused.run.stderr).toContain('暂无实施结果可公开');
  });

  it('minutes not yet signed print as the latest draft, stamped 草稿', async () => {
    const t = await text('council_minutes', secret, 'docx');
    expect(t).toContain('会议推选楼组长。');
    expect(t).toContain('草稿');
  });

  it('takes the meeting (required, picked from the list of meetings) and the version (optional: an empty box is the default, not version 0)', () => {
    expect(councilMinutesReport.paramFields).toEqual([
      { name: 'meeting', type: 'reference', reference: 'council.meeting', required: true },
      { name: 'version', type: 'number', required: false },
    ]);
    expect(councilMinutesReport.prepare({ meeting: 'm1', version: '' }).params).toEqual({ meeting: 'm1' });
    expect(councilMinutesReport.prepare({ meeting: 'm1', version: '2' }).params).toEqual({ meeting: 'm1', version: 2 });
    expect(() => councilMinutesReport.prepare({ meeting: ' ', version: '0' })).toThrow(/not valid/);
  });
});
