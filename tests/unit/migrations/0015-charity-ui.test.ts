import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileAt, insertResident, type MigratingFile } from './support';

describe('migration 0015: an aid review cites the council resolution by id', () => {
  let f: MigratingFile;
  beforeAll(async () => {
    f = await fileAt('0014_charity');
    insertResident(f.sqlite, { id: 'r-1', name: '赵困难' });
    // An application reviewed before 0015, its resolution number typed by hand.
    f.sqlite
      .prepare(
        `INSERT INTO charity_aid_applications (id, number, resident_id, recipient_name, kind, fund_code, amount_fen, reason, status,
           council_resolution_no, created_at, created_by, created_by_name)
         VALUES ('a-1', 'A2026-000001', 'r-1', '赵困难', '救穷', 'GEN', 12000, '冬季取暖费困难', 'reviewed', '议〔2026〕7号', '2026-11-20T01:00:00.000Z', 'u-1', '王窗口')`,
      )
      .run();
    await f.migrateTo('0015_charity_ui');
  });
  afterAll(() => f.close());

  it('keeps the typed numbers as they were, with no link', () => {
    expect(f.sqlite.prepare("SELECT council_resolution_no, council_resolution_id FROM charity_aid_applications WHERE id = 'a-1'").get()).toEqual({
      council_resolution_no: '议〔2026〕7号',
      council_resolution_id: null,
    });
  });

  it('refuses a link to a resolution the council does not have, whatever writes the row', () => {
    expect(() => f.sqlite.prepare("UPDATE charity_aid_applications SET council_resolution_id = 'no-such' WHERE id = 'a-1'").run()).toThrow(/FOREIGN KEY/);
    expect(f.sqlite.prepare("SELECT sql FROM sqlite_schema WHERE name = 'charity_aid_applications'").pluck().get()).toMatch(
      /council_resolution_id TEXT REFERENCES council_resolutions \(id\)/,
    );
  });
});
