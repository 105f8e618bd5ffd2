import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jobFile, runJob } from '../../fixtures/residents/support';
import { translator } from '../../../src/shared/i18n/translate';
import { cash, councilResolution, makeRecipient, openCharityHall, signedIn, type CharityHall } from './fixture';

// An aid review cites a council resolution picked from the council's list, and an application's evidence
// files are handed out only when they still match their recorded SHA-256, each opening audited.

let hall: CharityHall;
beforeEach(async () => {
  hall = await openCharityHall();
  await hall.call('charity.recordDonation', cash(50_000, { fundCode: 'EDU' }), hall.treasurer);
});
afterEach(() => hall.close());

const zh = translator('zh-CN');
const rows = (sql: string, ...params: unknown[]) => hall.core.services.sqlite.prepare(sql).all(...params);

async function filedWithEvidence(text = '街道出具的困难证明') {
  const resident = await makeRecipient(hall, '赵困难', ['低保']);
  const app = await hall.call(
    'charity.fileApplication',
    { residentId: resident.id, kind: '救穷', fundCode: 'EDU', amountFen: 12_000, reason: '冬季取暖费困难' },
    hall.clerk,
  );
  const withFile = await hall.call(
    'charity.addEvidence',
    { applicationId: app.id, fileName: '困难证明.txt', mime: 'text/plain', base64: Buffer.from(text).toString('base64') },
    hall.clerk,
  );
  return withFile;
}

describe('citing a council resolution in an aid review', () => {
  it('lists the council’s resolutions by number, date and title (a clerk may), searchable by either', async () => {
    const r = await councilResolution(hall);
    const listed = await hall.call('charity.citableResolutions', {}, hall.clerk);
    expect(listed).toEqual([{ id: r.id, number: '居议〔2026〕1号', heldOn: '2026-11-20', title: '同意为困难家庭发放冬季取暖补助' }]);
    expect(await hall.call('charity.citableResolutions', { query: '取暖' }, hall.clerk)).toHaveLength(1);
    expect(await hall.call('charity.citableResolutions', { query: '〔2026〕1' }, hall.clerk)).toHaveLength(1);
    expect(await hall.call('charity.citableResolutions', { query: '电梯' }, hall.clerk)).toEqual([]);
    // A % is a character to look for, not a wildcard.
    expect(await hall.call('charity.citableResolutions', { query: '%' }, hall.clerk)).toEqual([]);
  });

  it('stores the link to the resolution and its number as printed', async () => {
    const r = await councilResolution(hall);
    const app = await filedWithEvidence();
    const reviewed = await hall.call('charity.reviewApplication', { id: app.id, visitNote: '入户核实，情况属实', councilResolutionId: r.id }, hall.clerk);
    expect(reviewed).toMatchObject({ status: 'reviewed', councilResolutionId: r.id, councilResolutionNo: '居议〔2026〕1号' });
    expect(rows('SELECT council_resolution_id, council_resolution_no FROM charity_aid_applications WHERE id = ?', app.id)).toEqual([
      { council_resolution_id: r.id, council_resolution_no: '居议〔2026〕1号' },
    ]);
  });

  it('refuses a resolution the council does not have, naming the field, and writes nothing', async () => {
    const app = await filedWithEvidence();
    const e = await hall.fail('charity.reviewApplication', { id: app.id, visitNote: '入户核实', councilResolutionId: 'no-such-resolution' }, hall.clerk);
    expect(e).toMatchObject({ code: 'charity.resolution_not_found', fields: { councilResolutionId: 'charity.resolution_not_found' } });
    expect(zh(`errors.${e.code}`, e.params)).toBe('议事会没有这项决议，请从决议列表中选择');
    expect(rows('SELECT status, council_resolution_id FROM charity_aid_applications WHERE id = ?', app.id)).toEqual([
      { status: 'submitted', council_resolution_id: null },
    ]);
    expect(rows("SELECT kind FROM charity_aid_events WHERE kind = 'reviewed'")).toEqual([]);
    // The table holds the same rule, whatever path writes the row.
    expect(() => hall.core.services.sqlite.prepare("UPDATE charity_aid_applications SET council_resolution_id = 'nothing' WHERE id = ?").run(app.id)).toThrow(
      /FOREIGN KEY/,
    );
  });
});

describe('opening an application’s evidence', () => {
  it('hands the stored file over as an export and audits who opened which file', async () => {
    const app = await filedWithEvidence();
    const [evidence] = app.evidence;
    const changed: string[] = [];
    const off = hall.core.services.events.subscribe((e) => void (e.name === 'data.changed' && changed.push(e.name)));
    const end = await runJob(hall, () => hall.call('charity.openEvidence', { id: evidence.id }, hall.clerk), hall.clerk);
    off();
    // Opening changes no record, so no screen is told to load its data again (as with an export).
    expect(changed).toEqual([]);
    expect(end.done?.file).toMatchObject({ fileName: '困难证明.txt', mimeType: 'text/plain' });
    expect(jobFile(hall, end, hall.clerk).toString()).toBe('街道出具的困难证明');
    const audit = rows("SELECT action, actor_name, record_type, record_id, summary FROM audit_log WHERE action = 'charity.openEvidence'");
    expect(audit).toEqual([
      { action: 'charity.openEvidence', actor_name: '王窗口', record_type: 'charity_evidence', record_id: evidence.id, summary: `${app.number} 困难证明.txt` },
    ]);
  });

  it('refuses a file whose bytes no longer match the recorded hash, and records the refusal', async () => {
    const app = await filedWithEvidence();
    const [evidence] = app.evidence;
    // Damage the stored bytes under Linli, as a bad disk or an edit outside the app would.
    const raw = hall.core.services.sqlite;
    raw.exec('DROP TRIGGER charity_evidence_no_update');
    raw.prepare('UPDATE charity_evidence SET content = ? WHERE id = ?').run(Buffer.from('被改过的证明'), evidence.id);
    const e = await hall.fail('charity.openEvidence', { id: evidence.id }, hall.treasurer);
    expect(e.code).toBe('charity.evidence_damaged');
    expect(zh(`errors.${e.code}`, e.params)).toBe('证明材料“困难证明.txt”与登记时的哈希值不符，可能已损坏或被改动，不能打开');
    expect(rows("SELECT action FROM audit_log WHERE action LIKE 'charity.%Evidence%' AND action <> 'charity.addEvidence'")).toEqual([
      { action: 'charity.evidenceRefused' },
    ]);
  });

  it('saves a file under its filed name without folder parts', async () => {
    const app = await filedWithEvidence();
    const withPath = await hall.call(
      'charity.addEvidence',
      { applicationId: app.id, fileName: '../../证明:2026.txt', mime: 'text/plain', base64: Buffer.from('x').toString('base64') },
      hall.clerk,
    );
    const end = await runJob(hall, () => hall.call('charity.openEvidence', { id: withPath.evidence[1].id }, hall.clerk), hall.clerk);
    expect(end.done?.file?.fileName).toBe('__.._证明_2026.txt');
  });

  it('is for those who file and review applications: an auditor may not open evidence', async () => {
    const app = await filedWithEvidence();
    const auditor = await signedIn(hall, 'auditor1', '钱审计', ['auditor']);
    expect((await hall.fail('charity.openEvidence', { id: app.evidence[0].id }, auditor)).code).toBe('auth.forbidden');
    expect((await hall.fail('charity.openEvidence', { id: 'missing' }, hall.clerk)).code).toBe('charity.evidence_not_found');
    expect(rows("SELECT action FROM audit_log WHERE action = 'charity.openEvidence'")).toEqual([]);
  });
});
