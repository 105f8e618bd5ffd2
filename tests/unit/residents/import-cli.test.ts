import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { adminPassword, openTestHall } from '../support/core';
import { makePlaces } from './places-fixture';
import { linli, linliWith } from '../cli/run-cli';
import { csv, makeId } from '../../fixtures/residents/support';
import SqliteDatabase from 'better-sqlite3';

let dir: string;
let db: string;
const zhang = makeId('110105', '1980-01-01', 11);
const li = makeId('110105', '1982-03-04', 22);
const bad = zhang.slice(0, 17) + (zhang[17] === '1' ? '2' : '1');

beforeAll(async () => {
  const hall = await openTestHall();
  await makePlaces(hall);
  dir = hall.dir;
  db = hall.dbPath;
  await hall.close();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const count = () => {
  const s = new SqliteDatabase(db, { readonly: true });
  try {
    return (s.prepare('SELECT count(*) AS n FROM residents').get() as { n: number }).n;
  } finally {
    s.close();
  }
};
const write = (name: string, rows: string[][]) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, csv(rows));
  return file;
};
const header = ['姓名', '身份证号', '联系电话', '人员类型', '楼栋', '单元', '房号'];

describe('linli residents import', () => {
  it('checks, imports the valid rows, writes X.errors.xlsx beside the file and exits 1 when rows were rejected', async () => {
    const file = write('名单.csv', [header, ['张三', zhang, '13800138000', '户籍', '3', '2', '501'], ['钱七', bad, '', '户籍', '', '', '']]);
    const dry = await linli(['residents', 'import', '--db', db, '--file', file, '--user', 'admin', '--dry-run'], `${adminPassword}\n`);
    expect(dry.code).toBe(1);
    expect(dry.stdout).toContain('新增 1，更新 0，未变 0，有问题 1');
    expect(dry.stdout).toContain('试运行');
    expect(count()).toBe(0);

    const strict = await linli(['residents', 'import', '--db', db, '--file', file, '--user', 'admin', '--all-or-nothing'], `${adminPassword}\n`);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('整个文件未导入');
    expect(count()).toBe(0);

    const r = await linli(['residents', 'import', '--db', db, '--file', file, '--user', 'admin'], `${adminPassword}\n`);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('已导入：新增 1，更新 0，未变 0，未导入（有问题）1。');
    const report = path.join(dir, '名单.errors.xlsx');
    expect(r.stdout).toContain(report);
    expect(count()).toBe(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(report);
    const rows = wb.worksheets[0]
      .getSheetValues()
      .filter(Boolean)
      .map((v) => (v as unknown[]).slice(1));
    expect(rows[0]).toEqual([...header, '错误原因']);
    expect(rows[1].slice(0, 2)).toEqual(['钱七', bad]);
    expect(String(rows[1][7])).toContain('第 3 行：「身份证号」号码有误（校验不通过）');
  });

  it('exits 0 when every row was fine; the same file again changes nothing; a mapping file is used', async () => {
    const file = write('ok.csv', [
      ['名字', '证件', '类型'],
      ['李四', li, '户籍'],
    ]);
    const mapping = path.join(dir, 'm.json');
    fs.writeFileSync(mapping, JSON.stringify({ name: 'S', mapping: { name: '名字', idNumber: '证件', status: '类型' } }));
    const first = await linli(['residents', 'import', '--db', db, '--file', file, '--mapping', mapping, '--user', 'admin', '--json'], `${adminPassword}\n`);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ ok: true, counts: { add: 1, reject: 0 }, imported: { added: 1 }, errorReport: null });
    const again = await linli(['residents', 'import', '--db', db, '--file', file, '--mapping', mapping, '--user', 'admin'], `${adminPassword}\n`);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('新增 0，更新 0，未变 1，有问题 0');
    expect(count()).toBe(2);
  });

  it("rows rejected at commit (changed since the preview) exit 1 with an error report giving the commit's reasons, never ok: true", async () => {
    const wang = makeId('110105', '1990-05-06', 33);
    const zhao = makeId('110105', '1991-07-08', 44);
    const first = write('先.csv', [
      ['姓名', '身份证号', '人员类型'],
      ['王五', wang, '户籍'],
    ]);
    expect((await linli(['residents', 'import', '--db', db, '--file', first, '--user', 'admin'], `${adminPassword}\n`)).code).toBe(0);
    const file = write('后.csv', [
      ['姓名', '身份证号', '联系电话', '人员类型'],
      ['王五', wang, '13900139000', '户籍'],
      ['赵六', zhao, '', '户籍'],
    ]);
    // Between the preview and the commit, another desk renames 王五 (a write the registry's mark notices).
    const other = new SqliteDatabase(db);
    let changed = false;
    const r = await linliWith(['residents', 'import', '--db', db, '--file', file, '--user', 'admin'], `${adminPassword}\n`, (text) => {
      if (changed || !text.includes('新增 1，更新 1')) return;
      changed = true;
      const w = other.prepare("SELECT id FROM residents WHERE name = '王五'").get() as { id: string };
      other.prepare("UPDATE residents SET name = '王武' WHERE id = ?").run(w.id);
      other
        .prepare(
          "INSERT INTO resident_events (id, resident_id, at, on_date, actor_id, actor_name, kind, detail_json) VALUES ('ev-x', ?, '2026-01-01T00:00:00Z', NULL, NULL, 'x', 'updated', '{}')",
        )
        .run(w.id);
    });
    other.close();
    expect(changed).toBe(true);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('已导入：新增 1，更新 0，未变 0，未导入（有问题）1。');
    expect(r.stdout).toContain('有 1 行在预览之后被改动，导入时未通过检查');
    const report = path.join(dir, '后.errors.xlsx');
    expect(r.stdout).toContain(report);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(report);
    const rows = wb.worksheets[0]
      .getSheetValues()
      .filter(Boolean)
      .map((v) => (v as unknown[]).slice(1));
    expect(rows.length).toBe(2);
    expect(rows[1][0]).toBe('王五');
    expect(String(rows[1][4])).toContain('王武');
  });

  it('a register into a community made with `linli init`: --create-places --set 小区=泰和小区 --set 人员类别=户籍, nothing set up by hand', async () => {
    const fresh = path.join(dir, 'fresh.sqlite');
    expect((await linli(['init', '--db', fresh, '--community', '泰和社区', '--admin', 'admin'], `${adminPassword}\n`)).code).toBe(0);
    const a = makeId('150203', '1960-02-03', 51);
    const b = makeId('150203', '1962-04-05', 52);
    const file = write('泰和.csv', [
      ['姓名', '公民身份号码', '楼栋', '单元', '房号'],
      ['周大', a, '3栋', '1', '301'],
      ['吴二', b, '5号楼', '2单元', '1203'],
    ]);
    const args = ['residents', 'import', '--db', fresh, '--file', file, '--user', 'admin', '--set', '小区=泰和小区', '--set', '人员类别=户籍'];
    const refused = await linli([...args, '--dry-run'], `${adminPassword}\n`);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain(
      '文件中有系统里还没有的地址：网格：未分网格；小区：泰和小区；楼栋：泰和小区3栋、泰和小区5栋；2 间房屋。加 --create-places',
    );
    const r = await linli([...args, '--create-places', '--json'], `${adminPassword}\n`);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      ok: true,
      imported: { added: 2, rejected: 0 },
      constants: { compound: '泰和小区', status: '户籍' },
      newPlaces: { compounds: ['泰和小区'], houseCount: 2 },
    });
    const s = new SqliteDatabase(fresh, { readonly: true });
    try {
      const placed = s.prepare('SELECT r.name, r.status, h.address_key FROM residents r JOIN houses h ON h.id = r.house_id ORDER BY r.name').all();
      expect(placed).toEqual([
        { name: '吴二', status: '户籍', address_key: '5-2-1203' },
        { name: '周大', status: '户籍', address_key: '3-1-301' },
      ]);
    } finally {
      s.close();
    }
    // The compound spelled otherwise in a later file: mapped to the one the first import made.
    const c = makeId('150203', '1990-06-07', 53);
    const later = write('泰和-补.csv', [
      ['小区', '姓名', '公民身份号码', '户籍性质', '楼栋', '单元', '房号'],
      ['泰和', '郑三', c, '外地', '3', '1', '301'],
    ]);
    const mapped = await linli(
      ['residents', 'import', '--db', fresh, '--file', later, '--user', 'admin', '--map-compound', '泰和=泰和小区', '--json'],
      `${adminPassword}\n`,
    );
    expect(mapped.code).toBe(0);
    expect(JSON.parse(mapped.stdout)).toMatchObject({ imported: { added: 1 }, newPlaces: { compounds: [], buildings: [], houseCount: 0 } });
    expect((await linli(['residents', 'import', '--db', fresh, '--file', later, '--user', 'admin', '--map-compound', '泰和'], `${adminPassword}\n`)).code).toBe(
      2,
    );
    const bad = await linli([...args, '--set', '姓名=张三'], `${adminPassword}\n`);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('字段可以是：人员类别、证件类型');
    const help = await linli(['residents', '--help']);
    expect(help.stdout).toContain('--create-places');
    expect(help.stdout).toContain('--set 小区=泰和小区 --set 人员类别=户籍');
  });

  it('usage errors exit 2', async () => {
    expect((await linli(['residents', 'import', '--db', db, '--user', 'admin'], `${adminPassword}\n`)).code).toBe(2);
    expect((await linli(['residents', 'frobnicate', '--db', db], '')).code).toBe(2);
    expect((await linli(['residents', 'export', '--db', db, '--format', 'docx', '--out', 'x', '--user', 'admin'], '')).code).toBe(2);
  });
});

describe('linli residents export', () => {
  it('writes the register, masked unless --full-ids', async () => {
    const out = path.join(dir, 'register.csv');
    const r = await linli(['residents', 'export', '--db', db, '--format', 'csv', '--out', out, '--status', '户籍', '--user', 'admin'], `${adminPassword}\n`);
    expect(r.code).toBe(0);
    const text = fs.readFileSync(out, 'utf8');
    expect(text).toContain('张三');
    expect(text).toContain(`${zhang.slice(0, 3)}***********${zhang.slice(-4)}`);
    expect(text).not.toContain(zhang);
    const full = await linli(['residents', 'export', '--db', db, '--format', 'csv', '--out', out, '--full-ids', '--user', 'admin'], `${adminPassword}\n`);
    expect(full.code).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toContain(zhang);
  });
});
