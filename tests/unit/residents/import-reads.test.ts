import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestHall, sourceWorker, type TestHall } from '../support/core';
import { makePlaces } from './places-fixture';
import { commit, csv, makeId, preview, residentCount, runJob } from '../../fixtures/residents/support';
import { writeGateOf } from '../../../src/main/core/db/write-gate';

/** n residents called <prefix>0…, four to a household, all in one house. */
function bigFile(n: number, prefix: string, region: string): string {
  const rows = [['姓名', '身份证号', '人员类型', '楼栋', '单元', '房号', '户号', '与户主关系']];
  for (let i = 0; i < n; i++) {
    const birth = `19${String(50 + (i % 40)).padStart(2, '0')}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    rows.push([
      `${prefix}${i}`,
      makeId(region, birth, 100 + Math.floor(i / 840)),
      '户籍',
      '3',
      '1',
      '101',
      `${prefix}-${Math.floor(i / 4)}`,
      i % 4 ? '子' : '户主',
    ]);
  }
  return csv(rows);
}

// The commit in its worker thread, on its own connection, as the app's bundle runs it.
describe('while an import commits in its worker', () => {
  let hall: TestHall;
  beforeAll(async () => {
    hall = await openTestHall({ workers: { importCommit: sourceWorker('src/main/core/features/residents/import/commit-worker.ts') } });
    await makePlaces(hall);
    await commit(hall, (await preview(hall, 'before.csv', bigFile(40, '早先', '150301'))).importId);
  });
  afterAll(() => hall.close());

  it('searches and list pages answer during the commit, and see the registry as it was until the COMMIT', async () => {
    const p = await preview(hall, 'reads.csv', bigFile(5000, '读者', '150302'));
    expect(p.counts.add).toBe(5000);
    const before = residentCount(hall);
    let jobEnded = false;
    const answered: { ms: number; whileRunning: boolean; newRows: number; listed: number }[] = [];
    let reading: Promise<void> | null = null;
    const readLoop = async () => {
      // Reads one after another for as long as the job runs: each timed, each checked against the job's state.
      while (!jobEnded) {
        const t = performance.now();
        const [hits, page] = await Promise.all([
          hall.call('residents.search', { q: '读者', limit: 20 }),
          hall.call('residents.list', { limit: 50, sort: 'name', direction: 'asc' }),
        ]);
        answered.push({ ms: performance.now() - t, whileRunning: !jobEnded, newRows: hits.length, listed: page.rows.length });
        await new Promise((r) => setTimeout(r, 5));
      }
    };
    const end = await runJob(
      hall,
      () => hall.call('residents.importCommit', { importId: p.importId, mode: 'valid_rows' }),
      hall.adminToken,
      (prog) => {
        if (!reading && prog.done > 0 && prog.done < prog.total) reading = readLoop();
      },
    );
    jobEnded = true;
    await reading;
    expect(end.done?.summary).toMatchObject({ added: 5000 });
    expect(residentCount(hall)).toBe(before + 5000);

    const during = answered.filter((a) => a.whileRunning);
    expect(during.length).toBeGreaterThan(0);
    // The first answer came mid-commit: none of the rows being written is visible yet, the earlier ones are listed.
    expect(during[0]).toMatchObject({ newRows: 0, listed: 40 });
    // Nobody waited for the commit (which took seconds): each answer came at once, even on a loaded machine.
    expect(Math.max(...during.map((a) => a.ms))).toBeLessThan(1000);
    // After the COMMIT, the same search finds the imported people.
    expect(await hall.call('residents.search', { q: '读者', limit: 20 })).toHaveLength(20);
  });

  it('a write meanwhile waits its turn, and past the wait is refused with import.committing instead of hanging', async () => {
    const gate = writeGateOf(hall.core.services.sqlite);
    const p = await preview(hall, 'writes.csv', bigFile(5000, '写者', '150303'));
    let writes: Promise<{ refused: unknown; heldWhenAsked: boolean }> | null = null;
    const end = await runJob(
      hall,
      () => hall.call('residents.importCommit', { importId: p.importId, mode: 'valid_rows' }),
      hall.adminToken,
      (prog) => {
        if (writes || !(prog.done > 0 && prog.done < prog.total)) return;
        writes = (async () => {
          gate.waitMs = 1;
          const refused = await hall.fail('residents.saveImportMapping', { name: '被拒绝', mapping: { name: '姓名' } });
          gate.waitMs = 60_000;
          const heldWhenAsked = gate.held;
          await hall.call('residents.saveImportMapping', { name: '等到了', mapping: { name: '姓名' } });
          return { refused, heldWhenAsked };
        })();
      },
    );
    expect(end.done?.summary).toMatchObject({ added: 5000 });
    const { refused, heldWhenAsked } = await writes!;
    expect(refused).toMatchObject({ code: 'import.committing' });
    // The second write was asked while the import still held the gate, and landed once it was over.
    expect(heldWhenAsked).toBe(true);
    expect(gate.held).toBe(false);
    const saved = hall.core.services.sqlite.prepare("SELECT name FROM import_mappings WHERE name IN ('被拒绝', '等到了')").all();
    expect(saved).toEqual([{ name: '等到了' }]);
    gate.waitMs = 5000;
  });
});
