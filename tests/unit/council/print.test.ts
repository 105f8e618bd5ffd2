import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { adminPassword } from '../support/core';
import { linli } from '../cli/run-cli';
import { councilHall, holdMeeting, type CouncilFixture } from './fixture';

// The minutes printed as the secretary gets them: `linli council minutes` runs the council_minutes report (the
// same one the meeting page's print button runs), and the files are read back as a reader would see them.

/** One printed line per line, spaces taken out: a table row reads 1同意…举手表决511通过. */
const squeezeLines = (s: string) =>
  s
    .split('\n')
    .map((l) => l.replace(/\s+/g, ''))
    .filter(Boolean)
    .join('\n');
const pdfText = (file: string) => squeezeLines(execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
/** word/document.xml as lines: one per table row (its cells run together), one per paragraph elsewhere. */
async function docxText(file: string): Promise<string> {
  const xml = await (await JSZip.loadAsync(fs.readFileSync(file))).file('word/document.xml')!.async('string');
  const runs = (part: string) => [...part.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  const rows = xml.replace(/<w:tr[ >][\s\S]*?<\/w:tr>/g, (row) => `<w:t>${runs(row)}</w:t></w:p>`);
  return squeezeLines(rows.split('</w:p>').map(runs).join('\n'));
}
/** LibreOffice is a large install the CI does not carry; the DOCX → PDF check runs where it is present. */
const soffice = (() => {
  try {
    return execFileSync('sh', ['-c', 'command -v soffice || command -v libreoffice'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
})();

let f: CouncilFixture;
let meetingId: string;
beforeAll(async () => {
  f = await councilHall(9);
  meetingId = (await holdMeeting(f)).id;
  await f.hall.close();
});
afterAll(() => fs.rmSync(f.hall.dir, { recursive: true, force: true }));

async function print(format: 'pdf' | 'docx', extra: string[] = []): Promise<string> {
  const out = path.join(f.hall.dir, `minutes-${format}${extra.join('')}.${format}`);
  const args = ['council', 'minutes', '--db', f.hall.dbPath, '--user', 'admin', '--meeting', meetingId, '--format', format, '--out', out, ...extra];
  const r = await linli(args, `${adminPassword}\n`);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout).toContain('会议纪要已导出');
  // LINLI_KEEP_DOCS=/some/folder keeps the printouts, to look at them (pdftoppm -png).
  if (process.env.LINLI_KEEP_DOCS) fs.copyFileSync(out, path.join(process.env.LINLI_KEEP_DOCS, path.basename(out)));
  return out;
}

/**
 * What both formats must say: the title, each motion with its tally (a table row is one line), the resolution,
 * the 出席 / 请假 / 列席 blocks and the signatures. Paragraphs wrap at the page's edge, so they are read run together.
 */
function expectMinutes(lines: string) {
  const text = lines.replace(/\n/g, '');
  expect(text).toContain('2026年第四季度居民代表会议纪要');
  expect(text).toContain('幸福社区居民委员会');
  expect(lines).toContain('1同意3栋加装电梯方案举手表决511通过');
  expect(lines).toContain('2增设非机动车棚举手表决440未通过');
  expect(text).toContain('居议〔2026〕1号同意3栋加装电梯方案');
  expect(text).toContain('出席：张建国、李秀英、王志强、刘桂兰、陈明、杨丽、赵伟、黄敏');
  expect(text).toContain('请假：周杰（出差）');
  expect(text).toContain('列席：钱监督');
  expect(text).toMatch(/主持人：张建国.*记录人：李秀英.*2026年11月22日/);
  expect(text).not.toContain('草稿');
}

describe('linli council minutes', () => {
  it('prints the signed minutes as PDF (read back with pdftotext)', async () => {
    const file = await print('pdf');
    expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    const lines = pdfText(file);
    expectMinutes(lines);
    // Chromium's own header (the date and the page title) is not printed: the page starts with the letterhead.
    expect(lines.split('\n')[0]).toBe('幸福社区居民委员会');
    expect(lines).not.toMatch(/\d{1,2}\/\d{1,2}\/\d{2,4}|about:blank/);
  });

  it('prints the same minutes as DOCX (word/document.xml)', async () => {
    expectMinutes(await docxText(await print('docx')));
  });

  it('wraps the 出席 names under the first name after the colon (GB/T 9704 纪要), in PDF and DOCX', async () => {
    const file = await print('pdf', ['--version', '1']);
    const words = [...execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' }).matchAll(/<word xMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)];
    const first = words.findIndex((w) => w[2].startsWith('出席：'));
    expect(first).toBeGreaterThan(-1);
    // Eight names run past one line: the wrapped part starts three characters (出席：, 3号 = 16 pt each) further in.
    const wrapped = words[first + 1];
    expect(wrapped[2]).toContain('黄敏');
    expect(Number(wrapped[1]) - Number(words[first][1])).toBeCloseTo(48, 0);
    const xml = await (await JSZip.loadAsync(fs.readFileSync(await print('docx')))).file('word/document.xml')!.async('string');
    const attendance = xml.split('</w:p>').find((p) => p.includes('出席：'))!;
    expect(attendance).toMatch(/<w:ind [^>]*w:hanging="960"/);
  });

  it.skipIf(!soffice)(
    'the DOCX converted to PDF by LibreOffice keeps its text (skipped where soffice is not installed)',
    async () => {
      const docx = await print('docx');
      const outDir = path.join(f.hall.dir, 'soffice');
      execFileSync(soffice!, ['--headless', '--convert-to', 'pdf', '--outdir', outDir, docx], { timeout: 120_000 });
      // LibreOffice wraps the tally table's cells on its own (the motion's name over two lines), so the table's
      // text comes out interleaved: everything else is compared as in Chromium's PDF, the table word by word.
      const text = pdfText(path.join(outDir, `${path.basename(docx, '.docx')}.pdf`)).replace(/\n/g, '');
      for (const words of [
        '2026年第四季度居民代表会议纪要',
        '幸福社区居民委员会',
        '居议〔2026〕1号同意3栋加装电梯方案',
        '请假：周杰（出差）',
        '列席：钱监督',
      ]) {
        expect(text).toContain(words);
      }
      expect(text).toContain('出席：张建国、李秀英、王志强、刘桂兰、陈明、杨丽、赵伟、黄敏');
      expect(text).toMatch(/主持人：张建国.*记录人：李秀英/);
      for (const cell of ['同意3栋加装', '增设非机动车', '举手', '通过', '未通', '序', '动议', '结果']) expect(text).toContain(cell);
      expect(text).not.toContain('草稿');
    },
    180_000,
  ); // LibreOffice's first start on a fresh machine makes its profile: allow it time.

  it('puts the print on the audit record as an export of council_minutes', async () => {
    await print('pdf');
    const auditCsv = path.join(f.hall.dir, 'audit.csv');
    const r = await linli(['report', 'audit', '--db', f.hall.dbPath, '--user', 'admin', '--format', 'csv', '--out', auditCsv], `${adminPassword}\n`);
    expect(r.code, r.stderr).toBe(0);
    const audit = fs.readFileSync(auditCsv, 'utf8');
    // In people's words, as the audit screen says it: the report's name and the format.
    expect(audit).toContain('居民议事会议纪要（PDF）');
    expect(audit).not.toContain('council_minutes.pdf');
  });

  it('refuses an unknown meeting, a missing format and a version that does not exist, in Chinese', async () => {
    const out = path.join(f.hall.dir, 'nothing.pdf');
    const unknown = await linli(
      ['council', 'minutes', '--db', f.hall.dbPath, '--user', 'admin', '--meeting', 'nope', '--format', 'pdf', '--out', out],
      `${adminPassword}\n`,
    );
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('找不到该会议');
    const badFormat = await linli(['council', 'minutes', '--db', f.hall.dbPath, '--user', 'admin', '--meeting', meetingId, '--format', 'xlsx', '--out', out]);
    expect(badFormat.code).toBe(2);
    const version = await linli(
      ['council', 'minutes', '--db', f.hall.dbPath, '--user', 'admin', '--meeting', meetingId, '--format', 'pdf', '--out', out, '--version', '7'],
      `${adminPassword}\n`,
    );
    expect(version.code).toBe(1);
    expect(version.stderr).toContain('会议记录没有这个版本');
    expect(fs.existsSync(out)).toBe(false);
  });

  it('says minutes in its help, in both languages', async () => {
    expect((await linli(['council', '--help'])).stdout).toContain(
      'linli council minutes --db 文件 --user 用户名 --meeting 会议编号 --format pdf|docx --out 文件',
    );
    const en = await linli(['council', '--help'], '', { LANG: 'en_US.UTF-8' });
    expect(en.stdout).toContain('linli council minutes --db FILE --user NAME --meeting ID --format pdf|docx --out FILE');
  });
});
