import { afterEach, describe, expect, it } from 'vitest';
import { openTestHall, type TestHall } from '../support/core';
import { seedCatalogue } from '../../../src/main/core/features/hall/seed';
import demoCatalogue from '../../../resources/data/hall-catalogue.json';
import { serviceInput } from '../../../src/shared/contract/hall';
import { hallSeeder } from '../../../src/main/core/features/hall/area-seeder';
import { seedResidents } from '../../../src/main/core/features/residents/seed/seed';
import type { SeedRun } from '../../../src/main/core/seed/seeder';

let hall: TestHall;
afterEach(async () => {
  await hall?.close();
});

const actor = { id: null, name: 'linli seed' };

describe('the demo catalogue', () => {
  it('is a dozen real community services and 投诉建议, each valid by the contract', () => {
    const parsed = demoCatalogue.services.map((s) => serviceInput.parse(s));
    expect(parsed.length).toBeGreaterThanOrEqual(12);
    const names = parsed.map((s) => s.name);
    for (const name of ['城乡居民养老保险参保登记', '城乡居民医保参保登记', '老年人优待证', '临时救助申请', '最低生活保障申请', '生育登记', '投诉建议'])
      expect(names).toContain(name);
    expect(new Set(parsed.map((s) => s.code)).size).toBe(parsed.length);
    const complaint = parsed.find((s) => s.name === '投诉建议')!;
    expect(complaint).toMatchObject({ department: '社区居委会', timeLimitDays: 5 });
    // Some on the spot (即办), some materials that may follow later (容缺), every application something to bring.
    expect(parsed.some((s) => s.timeLimitDays === 0)).toBe(true);
    expect(parsed.some((s) => s.materials.some((m) => !m.required))).toBe(true);
    expect(parsed.filter((s) => s !== complaint).every((s) => s.materials.length > 0 && s.place.startsWith('社区服务大厅'))).toBe(true);
    expect(parsed.find((s) => s.name === '临时救助申请')!.legalBasis).toContain('《社会救助暂行办法》第四十八条');
  });

  it('is written through the catalogue rules, audited once, searchable; a file that has services is left as it is', async () => {
    hall = await openTestHall();
    const written = await seedCatalogue(hall.core.services, actor);
    expect(written.map((s) => s.code)).toEqual(demoCatalogue.services.map((s) => s.code));
    const listed = await hall.call('hall.listServices', {});
    expect(listed).toHaveLength(demoCatalogue.services.length);
    const pension = listed.find((s) => s.code === 'SB-01')!;
    expect(pension.materials[0]).toEqual({ name: '居民身份证', form: 'original_and_copy', copies: 1, issuer: '公安机关', required: true });
    expect((await hall.call('hall.listServices', { query: 'zdsh' })).map((s) => s.name)).toEqual(['最低生活保障申请']);
    expect((await hall.call('hall.listServices', { query: 'lsjz' })).map((s) => s.name)).toEqual(['临时救助申请']);
    const sqlite = hall.core.services.sqlite;
    expect(sqlite.prepare("SELECT count(*) AS n, max(actor_name) AS who FROM audit_log WHERE action = 'hall.seed'").get()).toEqual({ n: 1, who: 'linli seed' });

    expect(await seedCatalogue(hall.core.services, actor)).toEqual([]);
    expect(sqlite.prepare('SELECT count(*) AS n FROM hall_services').get()).toEqual({ n: demoCatalogue.services.length });
    expect(sqlite.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'hall.seed'").get()).toEqual({ n: 1 });
  });

  it('the hall seeder (linli seed, the first-run demo): the catalogue, then tickets under it from the registry; says so in both languages', async () => {
    hall = await openTestHall();
    await seedResidents(hall.core.services, { residents: 300, seed: 't', actor });
    const run = (locale: SeedRun['locale']): SeedRun => ({ residents: 300, seed: 't', append: false, actor, permissions: null, workers: 0, locale });
    expect(hallSeeder.after).toEqual(['residents']);
    const zh = await hallSeeder.seed(hall.core.services, run('zh-CN'));
    expect(zh.figures.services).toBe(demoCatalogue.services.length);
    expect(zh.figures.tickets).toBeGreaterThan(0);
    expect(zh.text).toContain(`服务大厅：${demoCatalogue.services.length} 个服务事项、${zh.figures.tickets as number} 件办件`);
    const tickets = await hall.call('hall.listTickets', { limit: 200 });
    expect(tickets.rows).toHaveLength(zh.figures.tickets as number);
    const names = new Set((await hall.call('hall.listServices', {})).map((s) => s.name));
    expect(tickets.rows.filter((t) => t.kind === 'application').every((t) => names.has(t.serviceName))).toBe(true);

    // A second run leaves the file as it is, and says so.
    const en = await hallSeeder.seed(hall.core.services, run('en'));
    expect(en).toEqual({ text: 'Service counter: services exist already; left as they were.', figures: { services: 0 } });
    expect((await hall.call('hall.listTickets', { limit: 200 })).rows).toHaveLength(zh.figures.tickets as number);
  }, 60_000);
});
