import { describe, expect, it } from 'vitest';
import { linli } from '../cli/run-cli';
import { councilHall, openMeeting } from './fixture';

describe('linli council meetings', () => {
  it('lists the meetings (id, date, body, state), newest first, in Chinese and as JSON', async () => {
    const f = await councilHall(3);
    const first = await openMeeting(f, 3);
    const second = await f.hall.call('council.saveMeeting', { bodyId: f.body.id, title: '2027年第一季度居民代表会议', heldOn: '2027-01-15' }, f.secretary);
    await f.hall.close();

    const json = await linli(['council', 'meetings', '--db', f.hall.dbPath, '--json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({
      ok: true,
      meetings: [
        { id: second.id, heldOn: '2027-01-15', body: '幸福社区居民代表会议', title: '2027年第一季度居民代表会议', state: 'draft' },
        { id: first.id, heldOn: '2026-11-20', body: '幸福社区居民代表会议', title: '2026年第四季度居民代表会议', state: 'open' },
      ],
    });
    const text = await linli(['council', 'meetings', '--db', f.hall.dbPath]);
    expect(text.stdout).toContain(`${first.id}  2026-11-20  幸福社区居民代表会议  2026年第四季度居民代表会议  进行中`);
    expect(text.stdout).toContain('共 2 次会议。');
  });

  it('refuses an unknown subcommand as a usage error', async () => {
    const r = await linli(['council', 'agenda', '--db', '/nonexistent.sqlite']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('meetings');
  });
});

describe('linli council bench', () => {
  it('seeds meetings and action items into a new file, times the follow-up list and the minutes to PDF (run small here)', async () => {
    const args = ['council', 'bench', '--meetings', '200', '--actions-per-meeting', '20', '--runs', '20', '--deep-pages', '5', '--pdf-runs', '2', '--json'];
    const r = await linli(args);
    const report = JSON.parse(r.stdout) as {
      ok: boolean;
      seeded: { meetings: number; actionItems: number };
      openItems: number;
      followUpFirstPage: { runs: number; median: number; p95: number };
      targetMs: number;
      minutesPdf: { first: number; warm: { runs: number; median: number; p95: number }; targetMs: number };
    };
    expect(report.seeded).toMatchObject({ meetings: 200, actionItems: 4000 });
    expect(report.openItems).toBeGreaterThan(0);
    expect(report.followUpFirstPage.runs).toBe(20);
    expect(report.followUpFirstPage.median).toBeGreaterThan(0);
    expect(report.targetMs).toBe(20);
    // Two prints of the newest meeting's signed minutes: the first starts Chromium, the second is timed.
    expect(report.minutesPdf.first).toBeGreaterThan(0);
    expect(report.minutesPdf.warm.runs).toBe(1);
    expect(report.minutesPdf.warm.median).toBeGreaterThan(0);
    expect(report.minutesPdf.targetMs).toBe(3000);
    expect(r.code).toBe(report.ok ? 0 : 1);
  });
});

describe('the 居民议事落实跟踪表 report', () => {
  it('lists the action items of the meetings held in the range, as CSV through linli report', async () => {
    const { adminPassword } = await import('../support/core');
    const fs = await import('node:fs');
    const path = await import('node:path');
    const f = await councilHall(3);
    const meeting = await openMeeting(f, 3);
    await f.hall.call('council.saveActionItem', { meetingId: meeting.id, title: '联系电梯厂家报价', ownerName: '王志强', dueOn: '2026-12-10' }, f.secretary);
    await f.hall.close();
    const out = path.join(f.hall.dir, 'actions.csv');
    const r = await linli(
      ['report', 'council_actions', '--db', f.hall.dbPath, '--user', 'admin', '--format', 'csv', '--out', out, '--from', '2026-11-01', '--to', '2026-11-30'],
      `${adminPassword}\n`,
    );
    expect(r.code, r.stderr).toBe(0);
    const csv = fs.readFileSync(out, 'utf8');
    expect(csv).toContain('落实事项');
    expect(csv).toContain('2026年第四季度居民代表会议');
    expect(csv).toContain('联系电梯厂家报价');
    expect(csv).toContain('王志强');
    expect(csv).toContain('待办');
  });
});
