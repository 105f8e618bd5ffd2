import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { createCore, type Core } from '../../../src/main/core/app';
import { parseIdNumber } from '../../../src/shared/values/id-number';
import { prepareResident, type ResidentFields } from '../../../src/main/core/features/residents/prepare';
import { canHoldLongTermCard } from '../../../src/shared/values/id-card-validity';
import { seedResidents, type SeedResult } from '../../../src/main/core/features/residents/seed/seed';
import { deferredIndexFile } from '../../../src/main/core/features/residents/seed/indexes';
import { addYears, dateOfDay, dayNumber } from '../../../src/main/core/time/calendar';
import type { HouseholdsTable, ResidentsTable } from '../../../src/main/core/db/schema';
import type { DocType, ResidentStatus } from '../../../src/shared/contract/residents';
import { noPdf, tempDir, TestClock } from '../support/core';

const RESIDENTS = 2000;
const fieldKey = randomBytes(64);

async function openCore(dir: string, name: string): Promise<Core> {
  return createCore({ databasePath: path.join(dir, name), workstation: 'desk-1', pdf: noPdf, now: new TestClock().now, fieldKey });
}

describe('linli seed: a synthetic community', () => {
  const dir = tempDir('linli-seed-');
  let core: Core;
  let result: SeedResult;
  let residents: ResidentsTable[];

  beforeAll(async () => {
    core = await openCore(dir, 'a.sqlite');
    result = await seedResidents(core.services, { residents: RESIDENTS, seed: 'unit-test' });
    residents = core.services.sqlite.prepare('SELECT * FROM residents ORDER BY rowid').all() as ResidentsTable[];
  });
  afterAll(async () => {
    await core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes the residents asked for, in about 3.3-person households, with grids, buildings and houses', () => {
    expect(residents).toHaveLength(RESIDENTS);
    expect(result.counts.residents).toBe(RESIDENTS);
    const c = result.counts;
    expect(RESIDENTS / c.households).toBeGreaterThan(2.9);
    expect(RESIDENTS / c.households).toBeLessThan(3.7);
    expect(c.grids).toBeGreaterThan(0);
    expect(c.houses).toBeGreaterThan(c.households * 0.9);
    const s = core.services.sqlite;
    for (const [table, n] of Object.entries({
      grids: c.grids,
      compounds: c.compounds,
      buildings: c.buildings,
      houses: c.houses,
      households: c.households,
      visits: c.visits,
      resident_tags: c.tags,
    })) {
      expect((s.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n, table).toBe(n);
    }
    // Every building is 6–33 floors; rented houses carry a landlord and a lease.
    expect(s.prepare('SELECT count(*) AS n FROM buildings WHERE floors NOT BETWEEN 6 AND 33').get()).toEqual({ n: 0 });
    expect(
      s.prepare("SELECT count(*) AS n FROM houses WHERE use = '出租' AND (landlord_name = '' OR lease_start IS NULL OR lease_end <= lease_start)").get(),
    ).toEqual({ n: 0 });
  });

  it('gives every resident a valid ID number whose sequence parity matches the gender', () => {
    const secrets = core.services.secrets;
    for (const r of residents) {
      expect(r.id_cipher).not.toBeNull();
      const number = secrets.decrypt(r.id_cipher!);
      const parsed = parseIdNumber(number, { today: result.today });
      expect(parsed.ok, `${number}: ${parsed.ok ? '' : parsed.code}`).toBe(true);
      if (!parsed.ok) continue;
      expect(parsed.value.gender).toBe(r.gender);
      expect(Number(number[16]) % 2 === 1 ? 'male' : 'female').toBe(r.gender);
      expect(parsed.value.birthDate).toBe(r.birth_date);
      expect(parsed.value.regionCode).toBe(r.region_code);
    }
  });

  it('stores exactly the derived columns prepareResident gives for each resident', () => {
    const secrets = core.services.secrets;
    for (const r of residents) {
      const idNumber = r.id_cipher ? secrets.decrypt(r.id_cipher) : '';
      const phone = r.phone_cipher ? secrets.decrypt(r.phone_cipher) : '';
      const fields: ResidentFields = {
        name: r.name,
        formerNames: r.former_names,
        docType: r.doc_type as DocType,
        idNumber,
        birthDate: null,
        gender: null,
        phone,
        status: r.status as ResidentStatus,
        residenceReason: r.residence_reason,
        registeredOn: r.registered_on,
        permitExpiresOn: r.permit_expires_on,
        idCardExpiresOn: r.id_card_expires_on,
        idCardLongTerm: r.id_card_long_term === 1,
        ethnicity: r.ethnicity,
        education: r.education,
        maritalStatus: r.marital_status,
        occupation: r.occupation,
        notes: r.notes,
      };
      const prepared = prepareResident(fields, secrets, result.today);
      expect(prepared.ok, `${r.name}: ${JSON.stringify(prepared.ok ? null : prepared.problems)}`).toBe(true);
      if (!prepared.ok) continue;
      const { id_cipher, phone_cipher, ...expected } = prepared.value.columns;
      const stored = Object.fromEntries(Object.keys(expected).map((k) => [k, r[k as keyof ResidentsTable]]));
      expect(stored).toEqual(expected);
      // Ciphertexts differ by their random IV; what they decrypt to must not.
      expect(id_cipher && secrets.decrypt(id_cipher)).toBe(idNumber || null);
      expect(phone_cipher ? secrets.decrypt(phone_cipher) : '').toBe(phone);
    }
  });

  it('has realistic shares: statuses, rented and vacant houses, names with special surname readings', () => {
    const s = core.services.sqlite;
    const share = (sql: string) => (s.prepare(sql).get() as { n: number }).n;
    const status = (st: string) => share(`SELECT count(*) * 1.0 / ${RESIDENTS} AS n FROM residents WHERE status = '${st}'`);
    expect(status('户籍')).toBeGreaterThan(0.65);
    expect(status('户籍')).toBeLessThan(0.85);
    expect(status('居住证')).toBeGreaterThan(0.05);
    expect(status('流动人口')).toBeGreaterThan(0.08);
    const houses = share('SELECT count(*) AS n FROM houses');
    expect(share("SELECT count(*) AS n FROM houses WHERE use = '出租'") / houses).toBeGreaterThan(0.12);
    expect(share("SELECT count(*) AS n FROM houses WHERE use = '空置'") / houses).toBeGreaterThan(0.04);
    // 非户籍 residents carry a reason; 居住证 holders a permit date.
    expect(share("SELECT count(*) AS n FROM residents WHERE status != '户籍' AND residence_reason = ''")).toBe(0);
    expect(share("SELECT count(*) AS n FROM residents WHERE status = '居住证' AND permit_expires_on IS NULL")).toBe(0);
    // Phones, where present, are mainland mobiles.
    const phones = s.prepare('SELECT phone_cipher FROM residents WHERE phone_cipher IS NOT NULL LIMIT 200').pluck().all() as string[];
    for (const c of phones) expect(core.services.secrets.decrypt(c)).toMatch(/^1[3-9]\d{9}$/);
    // 80+ are tagged 高龄.
    expect(
      share(`SELECT count(*) AS n FROM residents r WHERE r.archived = 0 AND r.birth_date <= '${Number(result.today.slice(0, 4)) - 80}${result.today.slice(4)}'
      AND NOT EXISTS (SELECT 1 FROM resident_tags rt JOIN tags t ON t.id = rt.tag_id WHERE rt.resident_id = r.id AND t.name = '高龄')`),
    ).toBe(0);
  });

  it('follows the ID card validity rule: 5/10/20 years or long-term (no date) from 46', () => {
    for (const r of residents) {
      if (!r.id_card_expires_on || !r.birth_date) continue;
      // No card issued at 46 or later has an end date, so no expiry falls after the 66th birthday.
      const y = Number(r.id_card_expires_on.slice(0, 4)) - Number(r.birth_date.slice(0, 4));
      expect(y, `${r.birth_date} → ${r.id_card_expires_on}`).toBeLessThanOrEqual(67);
    }
    expect(residents.some((r) => r.id_card_long_term === 1 && r.birth_date! < '1970-01-01')).toBe(true);
    // Long-term cards are held by people of 46 or more, on a 居民身份证, without a date.
    for (const r of residents.filter((x) => x.id_card_long_term === 1)) {
      expect(canHoldLongTermCard(r.birth_date!, result.today), r.birth_date!).toBe(true);
      expect([r.doc_type, r.id_card_expires_on]).toEqual(['居民身份证', null]);
    }
    // Children without a card are not long-term.
    expect(
      residents.some((r) => r.id_card_expires_on === null && r.id_card_long_term === 0 && r.birth_date! > `${Number(result.today.slice(0, 4)) - 16}`),
    ).toBe(true);
  });

  it('gives every household an active head, and members their relation to the head', () => {
    const households = core.services.sqlite.prepare('SELECT * FROM households').all() as HouseholdsTable[];
    const byId = new Map(residents.map((r) => [r.id, r]));
    for (const h of households) {
      const head = byId.get(h.head_resident_id ?? '');
      expect(head, h.number).toBeDefined();
      expect(head!.household_id).toBe(h.id);
      expect(head!.relation_to_head).toBe('户主');
      expect(head!.archived).toBe(0);
      expect(head!.house_id).toBe(h.house_id);
    }
    const relations = new Set(residents.map((r) => r.relation_to_head));
    for (const rel of ['户主', '配偶', '子', '女', '父亲', '母亲']) expect(relations.has(rel)).toBe(true);
  });

  it('sets next_visit_due per the visit policy, and some households are overdue', () => {
    const s = core.services.sqlite;
    const today = result.today;
    const overdue = (s.prepare('SELECT count(*) AS n FROM households WHERE next_visit_due < ?').get(today) as { n: number }).n;
    expect(overdue).toBeGreaterThan(0);
    expect(overdue).toBeLessThan(result.counts.households / 2);
    // Households of 流动人口 are visited weekly (the "3456" default): their due date is 7 days after the last visit.
    const weekly = s
      .prepare(
        `SELECT h.last_visit_on, h.next_visit_due FROM households h JOIN residents r ON r.id = h.head_resident_id
      WHERE r.status = '流动人口' AND h.last_visit_on IS NOT NULL`,
      )
      .all() as { last_visit_on: string; next_visit_due: string }[];
    expect(weekly.length).toBeGreaterThan(0);
    for (const w of weekly) expect((Date.parse(w.next_visit_due) - Date.parse(w.last_visit_on)) / 86_400_000).toBe(7);
    // The latest visit is the household's last_visit_on.
    const mismatched = s
      .prepare('SELECT count(*) AS n FROM households h WHERE h.last_visit_on IS NOT (SELECT max(visited_on) FROM visits v WHERE v.household_id = h.id)')
      .get() as { n: number };
    expect(mismatched.n).toBe(0);
  });

  it('rebuilt the indexes it deferred and wrote one audit record', () => {
    const s = core.services.sqlite;
    expect(fs.existsSync(deferredIndexFile(core.services.paths.database))).toBe(false);
    const names = s.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'residents' AND sql IS NOT NULL").pluck().all();
    expect(names).toContain('residents_initials');
    expect(names).toContain('residents_archived_birth');
    expect(s.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(s.pragma('foreign_key_check')).toEqual([]);
    const audit = s.prepare("SELECT action, area, after_json FROM audit_log WHERE action = 'residents.seed'").all() as { after_json: string }[];
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].after_json)).toMatchObject({ seed: 'unit-test', residents: RESIDENTS });
  });

  it('refuses a second seed without --append, and appends with it', async () => {
    await expect(seedResidents(core.services, { residents: 10, seed: 'again' })).rejects.toMatchObject({ code: 'residents.seed_not_empty' });
    const r = await seedResidents(core.services, { residents: 300, seed: 'unit-test', append: true });
    expect(r.counts.residents).toBe(300);
    const s = core.services.sqlite;
    expect((s.prepare('SELECT count(*) AS n FROM residents').get() as { n: number }).n).toBe(RESIDENTS + 300);
    expect((s.prepare('SELECT count(DISTINCT id_hash) AS n FROM residents').get() as { n: number }).n).toBe(RESIDENTS + 300);
  });

  it('is deterministic: the same seed gives the same people in the same order', async () => {
    const twin = await openCore(dir, 'b.sqlite');
    const other = await openCore(dir, 'c.sqlite');
    try {
      await seedResidents(twin.services, { residents: 500, seed: 'unit-test' });
      await seedResidents(other.services, { residents: 500, seed: 'another' });
      // The last household of a smaller run is cut short, so compare the people before it.
      const rows = (c: Core) =>
        c.services.sqlite.prepare('SELECT name, id_hash, birth_date, phone_last4, relation_to_head, status FROM residents ORDER BY rowid LIMIT 490').all();
      expect(rows(twin)).toEqual(
        residents.slice(0, 490).map((r) => ({
          name: r.name,
          id_hash: r.id_hash,
          birth_date: r.birth_date,
          phone_last4: r.phone_last4,
          relation_to_head: r.relation_to_head,
          status: r.status,
        })),
      );
      expect(rows(other)).not.toEqual(rows(twin));
    } finally {
      await twin.close();
      await other.close();
    }
  });
});

describe('seed calendar arithmetic', () => {
  it('agrees with Date from 1800 to 2100', () => {
    const wrong: string[] = [];
    for (let day = dayNumber('1800-01-01'); day <= dayNumber('2100-12-31'); day += 1) {
      const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
      if (dateOfDay(day) !== iso || dayNumber(iso) !== day) wrong.push(iso);
    }
    expect(wrong).toEqual([]);
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
  });
});
