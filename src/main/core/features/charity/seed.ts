import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { CoreServices } from '../../context';
import type { Database } from '../../db/schema';
import { allocateNumber, formatYearNumber } from '../../sequences/sequences';
import { localToday } from '../../time/zone';
import { newId } from '../../util/ids';
import { readSettings } from '../../community/settings';
import { maskPhone } from '../../../../shared/values/mask';
import { fundBalance } from './balances';
import { monthsBetween } from './campaigns';
import { insertDonation, postDonation } from './donations';
import { postEntry } from './journal';
import { publishNotice } from './notices';
import { closeMonth } from './periods';
import { seedGoodsAid, seedReconciliation } from './seed-store';
import { appendAudit } from '../../audit/repository';

/** A seeded generator (mulberry32): the same seed always gives the same year. */
function rng(seed: string) {
  let state = createHash('sha256').update(seed).digest().readUInt32LE(0);
  const next = () => {
    let t = (state = (state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)],
    chance: (p: number) => next() < p,
  };
}

const companies = [
  '幸福超市',
  '青山建材有限公司',
  '鹿城物业服务有限公司',
  '包钢二中家长委员会',
  '北方餐饮连锁',
  '草原乳业青山分公司',
  '幸福路商户联合会',
  '恒信药房',
];
const surnames = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '胡', '郭'];
const given = ['建国', '秀英', '丽华', '志强', '海燕', '桂兰', '国庆', '玉梅', '文斌', '淑珍', '晓东', '红霞', '振华', '春梅', '德胜', '美玲'];
const goods = [
  { item: '大米', unit: '袋', value: 6_000 },
  { item: '食用油', unit: '桶', value: 7_990 },
  { item: '棉被', unit: '床', value: 15_000 },
  { item: '牛奶', unit: '箱', value: 5_500 },
  { item: '学习用品', unit: '套', value: 3_000 },
];

export interface CharitySeedResult {
  donors: number;
  donations: number;
  applications: number;
  entries: number;
  notices: number;
}

/** The seeder's two staff accounts (disabled until an administrator enables them and sets a password). */
async function staff(db: Kysely<Database>, at: string) {
  const make = async (username: string, displayName: string, role: string) => {
    const existing = await db.selectFrom('users').select(['id', 'display_name']).where('username', '=', username).executeTakeFirst();
    if (existing) return { id: existing.id, name: existing.display_name };
    const id = newId();
    // An unusable password: the account exists for the records' names until someone enables it.
    const password_hash = `disabled$${randomBytes(16).toString('hex')}`;
    await db
      .insertInto('users')
      .values({
        id,
        username,
        display_name: displayName,
        password_hash,
        roles_json: JSON.stringify([role]),
        disabled: 1,
        last_login_at: null,
        created_at: at,
        created_by: null,
        updated_at: at,
        updated_by: null,
      })
      .execute();
    return { id, name: displayName };
  };
  return { treasurer: await make('cashier', '李出纳', 'treasurer'), clerk: await make('window1', '王窗口', 'clerk') };
}

/**
 * A year of a community charity fund, for the demo and `linli seed`: donors (some consenting to be named,
 * some masked, some anonymous, contacts encrypted), walk-in and transfer donations, goods, a 一十百千万
 * drive entered as batches, monthly pledges (some behind), aid applications at every stage, every month but
 * the current one closed and its notice published. Written through the area's own services in one
 * transaction, dated over the past twelve months.
 */
export async function seedCharity(services: CoreServices, opts: { seed?: string } = {}): Promise<CharitySeedResult> {
  const r = rng(`charity:${opts.seed ?? 'linli'}`);
  // A stream of its own for the goods aid and reconciliations, so adding them left the rest of the year as it was.
  const g = rng(`charity-store:${opts.seed ?? 'linli'}`);
  const { timeZone } = await readSettings(services.db);
  const today = localToday(services.now(), timeZone);
  const thisMonth = today.slice(0, 7);
  const [y, m] = thisMonth.split('-').map(Number);
  const firstMonth = `${m === 12 ? y : y - 1}-${String(m === 12 ? 1 : m + 1).padStart(2, '0')}`;
  const months = monthsBetween(firstMonth, thisMonth);
  const residents = await services.db
    .selectFrom('residents as p')
    .leftJoin('resident_tags as rt', 'rt.resident_id', 'p.id')
    .leftJoin('tags as t', 't.id', 'rt.tag_id')
    .select(['p.id', 'p.name', 'p.household_id', 't.name as tag'])
    .where('p.archived', '=', 0)
    .where('p.household_id', 'is not', null)
    .limit(400)
    .execute();
  const needy = residents.filter((p) => p.tag === '低保' || p.tag === '特困');
  const recipients = needy.length ? needy : residents;
  const counts: CharitySeedResult = { donors: 0, donations: 0, applications: 0, entries: 0, notices: 0 };

  await services.db.transaction().execute(async (db) => {
    const at = services.now().toISOString();
    const { treasurer, clerk } = await staff(db, at);
    const seedActor = { id: treasurer.id, name: treasurer.name };
    const stamp = (date: string) => `${date}T02:${String(r.int(10, 59)).padStart(2, '0')}:00.000Z`;
    for (const [code, name, purpose] of [
      ['EDU', '助学定向基金', '困难家庭学生助学'],
      ['ELD', '敬老助老定向基金', '高龄、独居老人帮扶'],
      ['MED', '大病救助定向基金', '大病、急难救助'],
    ]) {
      if (!(await db.selectFrom('charity_funds').select('id').where('code', '=', code).executeTakeFirst())) {
        await db
          .insertInto('charity_funds')
          .values({
            id: newId(),
            code,
            name,
            kind: 'restricted',
            purpose,
            archived: 0,
            created_at: at,
            created_by: treasurer.id,
            updated_at: at,
            updated_by: treasurer.id,
          })
          .execute();
      }
    }
    const donorIds: string[] = [];
    const addDonor = async (kind: 'person' | 'company', name: string) => {
      const consent = r.chance(kind === 'company' ? 0.8 : 0.35);
      const phone = kind === 'person' && r.chance(0.6) ? `13${r.int(0, 9)}${String(r.int(0, 99_999_999)).padStart(8, '0')}` : null;
      const id = newId();
      await db
        .insertInto('charity_donors')
        .values({
          id,
          kind,
          name,
          contact_cipher: phone ? services.secrets.encrypt(phone) : null,
          contact_masked: phone ? maskPhone(phone) : '',
          resident_id: kind === 'person' && residents.length && r.chance(0.3) ? r.pick(residents).id : null,
          disclosure: consent ? 'full' : r.pick(['masked', 'masked', 'caring', 'anonymous'] as const),
          consent_on: consent ? `${firstMonth}-0${r.int(1, 9)}` : null,
          notes: '',
          archived: 0,
          created_at: at,
          created_by: treasurer.id,
          updated_at: at,
          updated_by: treasurer.id,
        })
        .execute();
      donorIds.push(id);
      counts.donors++;
      return id;
    };
    for (const c of companies) await addDonor('company', c);
    for (let i = 0; i < 30; i++) await addDonor('person', r.pick(surnames) + r.pick(given));

    const drive = { id: newId(), month: months[Math.min(2, months.length - 1)] };
    const pledgeCampaign = newId();
    await db
      .insertInto('charity_campaigns')
      .values([
        {
          id: drive.id,
          name: `${drive.month.slice(0, 4)}年一十百千万募捐`,
          kind: 'drive',
          fund_code: 'GEN',
          starts_on: `${drive.month}-01`,
          ends_on: `${drive.month}-28`,
          target_fen: 5_000_000,
          created_at: at,
          created_by: treasurer.id,
          updated_at: at,
          updated_by: treasurer.id,
        },
        {
          id: pledgeCampaign,
          name: '爱心月月捐',
          kind: 'pledge',
          fund_code: 'ELD',
          starts_on: `${firstMonth}-01`,
          ends_on: null,
          target_fen: 0,
          created_at: at,
          created_by: treasurer.id,
          updated_at: at,
          updated_by: treasurer.id,
        },
      ])
      .execute();
    const pledges: { id: string; donor: string; fen: number; stopsAfter: number }[] = [];
    for (let i = 0; i < 10; i++) {
      const p = { id: newId(), donor: donorIds[companies.length + i], fen: r.pick([5_000, 10_000, 20_000]), stopsAfter: r.chance(0.3) ? r.int(3, 9) : 99 };
      pledges.push(p);
      await db
        .insertInto('charity_pledges')
        .values({
          id: p.id,
          campaign_id: pledgeCampaign,
          donor_id: p.donor,
          monthly_fen: p.fen,
          starts_month: firstMonth,
          ends_month: null,
          created_at: at,
          created_by: treasurer.id,
          updated_at: at,
          updated_by: treasurer.id,
        })
        .execute();
    }

    const donate = async (input: Parameters<typeof insertDonation>[1], date: string, batchId: string | null = null) => {
      const id = await insertDonation(db, input, seedActor, stamp(date), batchId);
      if (!batchId) await postDonation(db, id, seedActor, stamp(date), date);
      counts.donations++;
      return id;
    };
    const cash = (date: string, fen: number, fund: string, extra: Partial<Parameters<typeof insertDonation>[1]> = {}) =>
      ({
        donorId: null,
        kind: 'cash',
        method: r.pick(['现金', '转账', '微信', '支付宝'] as const),
        reference: '',
        amountFen: fen,
        items: [],
        fundCode: fund,
        campaignId: null,
        pledgeId: null,
        receivedOn: date,
        disclosure: null,
        receiptDeclined: false,
        note: '',
        ...extra,
      }) as Parameters<typeof insertDonation>[1];

    // The fund's start: a company's transfer to each fund on the first day of the year shown.
    for (const [fund, fen] of [
      ['GEN', 3_000_000],
      ['EDU', 800_000],
      ['ELD', 500_000],
      ['MED', 800_000],
    ] as const) {
      const date = `${firstMonth}-01`;
      await donate(cash(date, fen, fund, { donorId: donorIds[0], method: '转账', reference: `TX${firstMonth.replace('-', '')}${fund}` }), date);
    }
    for (const [index, month] of months.entries()) {
      const last = month === thisMonth ? Number(today.slice(8, 10)) : 28;
      const day = () => `${month}-${String(r.int(1, last)).padStart(2, '0')}`;
      for (const p of pledges) if (index < p.stopsAfter) await donate(cash(day(), p.fen, 'ELD', { donorId: p.donor, pledgeId: p.id, method: '微信' }), day());
      for (let i = r.int(4, 10); i > 0; i--) {
        const date = day();
        const donor = r.chance(0.7) ? r.pick(donorIds) : null;
        await donate(cash(date, r.pick([2_000, 5_000, 10_000, 20_000, 50_000, 100_000]), r.pick(['GEN', 'GEN', 'EDU', 'MED']), { donorId: donor }), date);
      }
      if (r.chance(0.5)) {
        const g = r.pick(goods);
        const date = day();
        await donate(
          {
            ...cash(date, 0, 'GEN', { donorId: r.pick(donorIds.slice(0, companies.length)) }),
            kind: 'goods',
            method: null,
            amountFen: undefined,
            items: [{ item: g.item, unit: g.unit, quantity: r.int(10, 40), unitValueFen: g.value, valuationBasis: '市场价' }],
          },
          date,
        );
      }
      if (month === drive.month) {
        // The drive's envelopes, entered as batches against the counted totals.
        for (let b = 0; b < 2; b++) {
          const date = `${month}-${String(10 + b * 5).padStart(2, '0')}`;
          const amounts = Array.from({ length: 25 }, () => r.pick([1_000, 10_000, 100_000, 1_000_000]));
          const batchId = newId();
          const year = Number(date.slice(0, 4));
          const total = amounts.reduce((s, x) => s + x, 0);
          await db
            .insertInto('charity_batches')
            .values({
              id: batchId,
              number: formatYearNumber(year, await allocateNumber(db, 'charity.batch', year), 'P'),
              received_on: date,
              control_total_fen: total,
              control_count: amounts.length,
              note: '一十百千万募捐',
              status: 'open',
              posted_at: null,
              posted_by: null,
              created_at: stamp(date),
              created_by: treasurer.id,
              updated_at: stamp(date),
              updated_by: treasurer.id,
            })
            .execute();
          const lines: string[] = [];
          for (const fen of amounts) lines.push(await donate(cash(date, fen, 'GEN', { campaignId: drive.id, method: '现金' }), date, batchId));
          for (const id of lines) await postDonation(db, id, seedActor, stamp(date), date);
          await db
            .updateTable('charity_batches')
            .set({ status: 'posted', posted_at: stamp(date), posted_by: treasurer.id })
            .where('id', '=', batchId)
            .execute();
        }
      }
      // Aid: filed by the clerk, reviewed, decided by the treasurer (never the same person), most paid.
      for (let i = r.int(2, 5); i > 0 && recipients.length; i--) {
        const who = r.pick(recipients);
        const wanted = r.pick(['GEN', 'EDU', 'MED', 'ELD']);
        const amount = wanted === 'GEN' ? r.pick([30_000, 50_000, 80_000, 100_000]) : r.pick([10_000, 20_000, 30_000]);
        // A restricted fund that cannot pay this month's case leaves it to the general fund.
        const fund = (await fundBalance(db, wanted)) >= amount * 2 ? wanted : 'GEN';
        const filed = day();
        const year = Number(filed.slice(0, 4));
        const id = newId();
        const number = formatYearNumber(year, await allocateNumber(db, 'charity.aid', year), 'A');
        const isLast = month === thisMonth;
        const stage = isLast ? r.pick(['submitted', 'reviewed', 'approved', 'paid'] as const) : r.chance(0.1) ? 'rejected' : 'paid';
        // Paid in cash or by transfer from whichever account of the fund holds enough; a fund that cannot pay
        // leaves the application reviewed, waiting for money (as the approval screen would).
        const cashHeld = await fundBalance(db, fund, '1001');
        const bankHeld = await fundBalance(db, fund, '1002');
        const payFrom = cashHeld >= amount ? ('1001' as const) : bankHeld >= amount ? ('1002' as const) : null;
        const status = (stage === 'paid' || stage === 'approved') && !payFrom ? 'reviewed' : stage;
        await db
          .insertInto('charity_aid_applications')
          .values({
            id,
            number,
            resident_id: who.id,
            household_id: who.household_id,
            recipient_name: who.name,
            kind: fund === 'EDU' ? '定向' : r.pick(['救穷', '救急'] as const),
            fund_code: fund,
            amount_fen: amount,
            items_json: '[]',
            reason: r.pick(['冬季取暖费困难', '子女学费困难', '突发疾病住院', '家庭主要劳动力失业', '房屋漏雨维修']),
            status: 'submitted',
            created_at: stamp(filed),
            created_by: clerk.id,
            created_by_name: clerk.name,
          })
          .execute();
        counts.applications++;
        if (status === 'submitted') continue;
        await db
          .updateTable('charity_aid_applications')
          .set({ status: 'reviewed', visit_note: '入户核实，情况属实', reviewed_at: stamp(filed), reviewed_by_name: clerk.name })
          .where('id', '=', id)
          .execute();
        if (status === 'reviewed') continue;
        await db
          .updateTable('charity_aid_applications')
          .set({
            status: status === 'rejected' ? 'rejected' : 'approved',
            decided_at: stamp(filed),
            decided_by: treasurer.id,
            decided_by_name: treasurer.name,
            decision_note: status === 'rejected' ? '不符合条件' : '同意',
          })
          .where('id', '=', id)
          .execute();
        if (status !== 'paid') continue;
        const seq = await postEntry(db, {
          date: filed,
          kind: 'disbursement',
          memo: `救助支出（${payFrom === '1001' ? '现金' : '转账'}） 申请${number}`,
          lines: [
            { account: '5101', fund, debit: amount, credit: 0 },
            { account: payFrom!, fund, debit: 0, credit: amount },
          ],
          actorName: treasurer.name,
          postedAt: stamp(filed),
        });
        await db
          .updateTable('charity_aid_applications')
          .set({
            status: 'acknowledged',
            paid_at: stamp(filed),
            paid_by_name: treasurer.name,
            payment_method: payFrom === '1001' ? '现金' : '转账',
            entry_seq: seq,
            acknowledged_at: stamp(filed),
            acknowledgement: '本人签字领取',
          })
          .where('id', '=', id)
          .execute();
      }
      if (month !== thisMonth) {
        // Every third month some rice or oil goes out of the store to a household in need.
        if (index % 3 === 2 && recipients.length) {
          const who = g.pick(recipients);
          const given = `${month}-${String(g.int(20, 28)).padStart(2, '0')}`;
          const paid = await seedGoodsAid(db, g, { recipient: who, on: given, at: stamp(given), clerk, treasurer, numberYear: Number(month.slice(0, 4)) });
          if (paid) counts.applications++;
        }
        const closeDay = `${months[index + 1]}-01`;
        await closeMonth(db, { month, today: closeDay, actorId: treasurer.id, actorName: treasurer.name, at: stamp(closeDay) });
        await seedReconciliation(db, g, { month, at: stamp(closeDay), treasurer, differs: index === 4 });
        // A file seeded without a community profile has no complaint phone: objections go to the 12345 hotline.
        const phone = (await db.selectFrom('community_profile').select('complaint_phone').executeTakeFirst())?.complaint_phone || '12345';
        await publishNotice(
          { db, now: () => new Date(stamp(closeDay)) },
          { period: month, objectionPhone: phone, supersedesId: null, correctionReason: null, who: seedActor, at: stamp(closeDay) },
        );
        counts.notices++;
      }
    }
    counts.entries = Number(
      (
        await db
          .selectFrom('charity_entries')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    await appendAudit(
      db,
      { action: 'charity.seed', area: 'charity', summary: JSON.stringify(counts), after: counts },
      { id: null, name: 'linli seed', workstation: services.workstation },
      services.now(),
    );
  });
  return counts;
}
