import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestHall, type TestHall } from '../support/core';
import { seedResidents } from '../../../src/main/core/features/residents/seed/seed';
import { seedCatalogue } from '../../../src/main/core/features/hall/seed';
import { seedTickets } from '../../../src/main/core/features/hall/seed-tickets';

// The demo's tickets: written through the counter's own rules over the 60 days before the hall's today.

const actor = { id: null, name: 'linli seed' };
const today = '2026-11-23';

async function seededHall(seed: string): Promise<{ hall: TestHall; counts: Awaited<ReturnType<typeof seedTickets>> }> {
  const hall = await openTestHall();
  await seedResidents(hall.core.services, { residents: 150, seed: 'tickets' });
  await seedCatalogue(hall.core.services, actor);
  const counts = await seedTickets(hall.core.services, { seed, actor, today });
  return { hall, counts };
}

let a: Awaited<ReturnType<typeof seededHall>>;
beforeAll(async () => {
  a = await seededHall('demo');
  // The hall's day the demo was made for: 10:00 on 2026-11-23 in Shanghai (the sessions' clock moves with it).
  a.hall.clock.t = Date.parse(`${today}T02:00:00Z`);
  await a.hall.call('auth.unlock', { password: 'admin-pass-2026' });
}, 60_000);
afterAll(() => a.hall.close());

type Row = Record<string, string | number | null>;
const rows = (hall: TestHall) =>
  hall.core.services.sqlite
    .prepare(
      `SELECT number, kind, status, service_code, applicant_name, resident_id IS NOT NULL AS resident, registered_on, accepted_on, due_on, completed_on,
              supplement_by, supplemented_on, rating_level, follow_up_due_on, follow_up_at IS NOT NULL AS followed FROM hall_tickets ORDER BY number`,
    )
    .all() as Row[];

describe('the demo tickets', () => {
  it('about 80 tickets over the 60 days before today, numbered without gaps, in registration order', () => {
    const all = rows(a.hall);
    expect(a.counts.tickets).toBe(80);
    expect(all).toHaveLength(80);
    expect(all.map((r) => r.number)).toEqual(all.map((_, i) => `SL2026-${String(i + 1).padStart(6, '0')}`));
    const days = all.map((r) => r.registered_on as string);
    expect([...days].sort()).toEqual(days);
    expect(days[0] >= '2026-09-24').toBe(true);
    expect(days.at(-1)! < today).toBe(true);
  });

  it('mostly completed, some open, a few overdue and notified, one refused; enquiries, a complaint; residents and walk-ins', () => {
    const all = rows(a.hall);
    const by = (s: string) => all.filter((r) => r.status === s).length;
    expect(a.counts).toMatchObject({ tickets: 80, notified: 3, overdue: 3 });
    expect(a.counts.completed).toBe(by('completed'));
    expect(a.counts.completed).toBeGreaterThanOrEqual(55);
    expect(a.counts.open).toBeGreaterThanOrEqual(12);
    expect(by('refused')).toBe(1);
    expect(all.filter((r) => r.kind === 'enquiry' && r.status === 'completed')).toHaveLength(4);
    expect(all.filter((r) => r.kind === 'complaint')).toHaveLength(1);
    const residents = all.filter((r) => r.resident === 1).length;
    expect(residents).toBeGreaterThan(30);
    expect(residents).toBeLessThan(80);
    // Overdue means open past the due day, as of today.
    expect(all.filter((r) => (r.status === 'accepted' || r.status === 'transferred') && (r.due_on as string) < today)).toHaveLength(3);
  });

  it('one notified ticket later supplemented and accepted; a 容缺 ticket late with its materials; two 差评, one followed up', async () => {
    const history = a.hall.core.services.sqlite
      .prepare(
        "SELECT ticket_id FROM hall_ticket_events WHERE action = 'notified' INTERSECT SELECT ticket_id FROM hall_ticket_events WHERE action = 'supplemented'",
      )
      .all() as { ticket_id: string }[];
    expect(history).toHaveLength(1);
    const supplemented = await a.hall.call('hall.getTicket', { id: history[0].ticket_id });
    expect(supplemented.events.map((e) => e.action)).toEqual(['registered', 'notified', 'supplemented', 'accepted', 'completed', 'rated']);
    expect(supplemented.acceptedOn! > supplemented.registeredAt.slice(0, 10)).toBe(true);

    const board = await a.hall.call('hall.supervision', {});
    expect(board.supplementsLate).toHaveLength(1);
    expect(board.supplementsLate[0].status).toBe('accepted');
    expect(board.counts).toMatchObject({ overdue: 3, followUpPending: 1 });
    expect(board.followUps).toHaveLength(1);
    const all = rows(a.hall);
    const bad = all.filter((r) => r.rating_level !== null && (r.rating_level as number) <= 2);
    expect(bad.map((r) => r.followed).sort()).toEqual([0, 1]);
    const rated = all.filter((r) => r.rating_level !== null);
    expect(a.counts.rated).toBe(rated.length);
    expect(rated.filter((r) => (r.rating_level as number) >= 4).length / rated.length).toBeGreaterThan(0.8);
  });

  it('writes one audit record for the demo and keeps applicants’ numbers encrypted', () => {
    const sqlite = a.hall.core.services.sqlite;
    expect(sqlite.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'hall.seed' AND record_type = 'hall_ticket'").get()).toEqual({ n: 1 });
    const walkIns = sqlite
      .prepare('SELECT applicant_id_cipher, applicant_id_masked FROM hall_tickets WHERE resident_id IS NULL AND applicant_id_cipher IS NOT NULL')
      .all() as {
      applicant_id_cipher: string;
      applicant_id_masked: string;
    }[];
    expect(walkIns.length).toBeGreaterThan(5);
    for (const w of walkIns) {
      expect(w.applicant_id_cipher).toMatch(/^v1\./);
      expect(w.applicant_id_masked).toMatch(/^150\*{11}[\dX]{4}$/);
    }
  });

  it('does nothing a second time; the same seed gives the same tickets, another seed others', async () => {
    expect(await seedTickets(a.hall.core.services, { seed: 'demo', actor, today })).toMatchObject({ tickets: 0 });
    expect(rows(a.hall)).toHaveLength(80);
    const b = await seededHall('demo');
    const c = await seededHall('other');
    try {
      expect(rows(b.hall)).toEqual(rows(a.hall));
      expect(rows(c.hall)).not.toEqual(rows(a.hall));
    } finally {
      await b.hall.close();
      await c.hall.close();
    }
  }, 60_000);
});
