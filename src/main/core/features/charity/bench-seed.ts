import type { Core } from '../../app';
import { chainHash, GENESIS_HASH } from '../../chains/hash';
import { idCheckChar } from '../../../../shared/values/id-number';
import { formatYearNumber } from '../../sequences/sequences';
import { newId } from '../../util/ids';
import { accountOfMethod } from './donations';
import { entryContent, type HashedLine } from './chain';
import { RECEIPT_SEQUENCE } from './receipts';

/** What the bench's journal holds, and the quarter whose notice the `notice-pdf` group prints. */
export interface BenchJournal {
  entries: number;
  lines: number;
  donations: number;
  applications: number;
  /** The quarter (2025-Q1) holding `noticeRows` entries: each one a row of its notice's income or expenditure table. */
  noticeQuarter: string;
  noticeRows: number;
  ms: number;
}

/** A fixed generator (mulberry32): every run seeds the same book. */
function rng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    let t = (state = (state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)), pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)] };
}

const surnames = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '胡', '郭'];
const given = ['建国', '秀英', '丽华', '志强', '海燕', '桂兰', '国庆', '玉梅', '文斌', '淑珍', '晓东', '红霞'];
const companies = ['幸福超市', '青山建材有限公司', '鹿城物业服务有限公司', '北方餐饮连锁', '恒信药房', '草原乳业青山分公司'];
const methods = ['现金', '转账', '微信', '支付宝'] as const;
const funds = ['GEN', 'EDU', 'ELD', 'MED'];
const NOTICE_QUARTER = { key: '2025-Q1', months: ['2025-01', '2025-02', '2025-03'] };
/** After the notice's quarter, the book runs to November 2026, one entry after another in date order. */
const LATER_MONTHS = Array.from({ length: 20 }, (_, i) => `${2025 + Math.floor((i + 3) / 12)}-${String(((i + 3) % 12) + 1).padStart(2, '0')}`);

/**
 * The charity bench's book, written into the bench's own fresh file in one transaction: `lines` journal
 * lines (two per entry), three cash donations (with their donors, receipts numbered per year and
 * donation rows) for every aid payment (with its paid application), over 23 months, with exactly
 * `noticeRows` entries in 2025-Q1. Each entry goes in with the SQL postEntry runs (the same triggers keep the
 * running totals and refuse an overspent fund) and is hashed by chainHash, as the app hashes it; payments
 * come from whichever account of the fund holds enough, so no fund goes below zero.
 */
export async function seedBenchJournal(core: Core, token: string, opts: { lines: number; noticeRows: number }): Promise<BenchJournal> {
  const started = performance.now();
  const sqlite = core.services.sqlite;
  const at = '2026-12-01T02:00:00.000Z';
  const r = rng(12);
  const call = async (method: string, input: unknown) => {
    const res = await core.call({ method, input, sessionToken: token });
    if (!res.ok) throw new Error(`${method}: ${JSON.stringify(res.error)}`);
    return res.value as { id: string };
  };
  // Aid goes to residents (a foreign key), registered through the residents' own handlers.
  const recipients: { id: string; household: string; name: string }[] = [];
  for (let i = 0; i < 40; i++) {
    const name = surnames[i % surnames.length] + given[(i * 7) % given.length];
    const household = await call('residents.saveHousehold', { number: `CB-${i + 1}`, houseId: null });
    // A valid mainland ID number (GB 11643 check character), born in 1960 + i.
    const body = `110105${1960 + i}0101${String(i * 2 + 1).padStart(3, '0')}`;
    const idNumber = body + idCheckChar(body);
    const person = await call('residents.create', { name, status: '户籍', idNumber, householdId: household.id, relationToHead: '户主' });
    recipients.push({ id: person.id, household: household.id, name });
  }
  const admin = sqlite.prepare('SELECT id, display_name AS name FROM users LIMIT 1').get() as { id: string; name: string };

  const entries = Math.max(1, Math.floor(opts.lines / 2));
  const noticeRows = Math.min(opts.noticeRows, Math.floor(entries / 2));
  const dateOf = (seq: number) => {
    // Entries 1 … noticeRows fall in the notice's quarter, the rest evenly over the later months; days 1–28.
    const inQuarter = seq <= noticeRows;
    const months = inQuarter ? NOTICE_QUARTER.months : LATER_MONTHS;
    const i = inQuarter ? seq - 1 : seq - 1 - noticeRows;
    const n = inQuarter ? noticeRows : entries - noticeRows;
    const slot = Math.floor((i * months.length * 28) / Math.max(1, n));
    return `${months[Math.floor(slot / 28)]}-${String((slot % 28) + 1).padStart(2, '0')}`;
  };

  const ins = {
    fund: sqlite.prepare("INSERT INTO charity_funds (id, code, name, kind, purpose, created_at, updated_at) VALUES (?, ?, ?, 'restricted', ?, ?, ?)"),
    donor: sqlite.prepare(
      "INSERT INTO charity_donors (id, kind, name, contact_masked, disclosure, consent_on, created_at, updated_at) VALUES (?, ?, ?, '', ?, ?, ?, ?)",
    ),
    entry: sqlite.prepare(
      `INSERT INTO charity_entries (seq, id, entry_date, kind, memo, reverses_seq, reason, posted_at, actor_name, prev_hash, hash)
        VALUES (?, ?, ?, ?, ?, NULL, NULL, ?, ?, ?, ?)`,
    ),
    line: sqlite.prepare('INSERT INTO charity_lines (entry_seq, line_no, account_code, fund_code, debit, credit) VALUES (?, ?, ?, ?, ?, ?)'),
    donation: sqlite.prepare(
      `INSERT INTO charity_donations (id, donor_id, kind, method, amount_fen, fund_code, received_on, receipt_declined, entry_seq, created_at, created_by,
        updated_at, updated_by) VALUES (?, ?, 'cash', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    receipt: sqlite.prepare(
      `INSERT INTO charity_receipts (id, year, number, receipt_no, donation_id, issued_on, issued_at, issued_by, issued_by_name)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    application: sqlite.prepare(
      `INSERT INTO charity_aid_applications (id, number, resident_id, household_id, recipient_name, kind, fund_code, amount_fen, reason, status,
        visit_note, reviewed_at, reviewed_by_name, decided_at, decided_by, decided_by_name, decision_note, paid_at, paid_by_name, payment_method,
        entry_seq, created_at, created_by, created_by_name)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'paid', '入户核实，情况属实', ?, '王窗口', ?, ?, ?, '同意', ?, ?, ?, ?, ?, ?, '王窗口')`,
    ),
    // The statement allocateNumber runs: receipt and application numbers run 1, 2, 3 … per year.
    number: sqlite
      .prepare('INSERT INTO number_sequences (name, year, last) VALUES (?, ?, 1) ON CONFLICT (name, year) DO UPDATE SET last = last + 1 RETURNING last')
      .pluck(),
  };

  let donations = 0;
  let applications = 0;
  sqlite.transaction(() => {
    for (const [code, name, purpose] of [
      ['EDU', '助学定向基金', '困难家庭学生助学'],
      ['ELD', '敬老助老定向基金', '高龄、独居老人帮扶'],
      ['MED', '大病救助定向基金', '大病、急难救助'],
    ])
      ins.fund.run(newId(), code, name, purpose, at, at);
    const donors: string[] = [];
    for (let i = 0; i < 300; i++) {
      const company = i < companies.length;
      const consent = r.next() < (company ? 0.8 : 0.35);
      const id = newId();
      const name = company ? companies[i] : r.pick(surnames) + r.pick(given);
      ins.donor.run(
        id,
        company ? 'company' : 'person',
        name,
        consent ? 'full' : r.pick(['masked', 'caring', 'anonymous']),
        consent ? '2025-01-01' : null,
        at,
        at,
      );
      donors.push(id);
    }
    // What each fund's accounts hold, so that a payment is taken from an account that can pay it.
    const held = new Map<string, number>();
    let prev = GENESIS_HASH;
    for (let seq = 1; seq <= entries; seq++) {
      const date = dateOf(seq);
      const year = Number(date.slice(0, 4));
      const fund = funds[seq % 4 === 1 ? 0 : r.int(0, 3)];
      const amount = r.int(3, 200) * 1000;
      const cash = held.get(`${fund}:1001`) ?? 0;
      const bank = held.get(`${fund}:1002`) ?? 0;
      const payFrom = seq % 4 !== 0 ? null : cash >= amount ? '1001' : bank >= amount ? '1002' : null;
      let memo: string;
      let lines: HashedLine[];
      const entryId = newId();
      const stamp = `${date}T0${r.int(1, 8)}:${String(r.int(10, 59)).padStart(2, '0')}:00.000Z`;
      if (payFrom) {
        const appNo = formatYearNumber(year, ins.number.get('charity.aid', year) as number, 'A');
        const who = r.pick(recipients);
        const kind = fund === 'EDU' ? '定向' : r.pick(['救穷', '救急'] as const);
        const method = payFrom === '1001' ? '现金' : '转账';
        memo = `救助支出（${kind}，${method}） 申请${appNo}`;
        lines = [
          ['5101', fund, amount, 0],
          [payFrom, fund, 0, amount],
        ];
        held.set(`${fund}:${payFrom}`, (payFrom === '1001' ? cash : bank) - amount);
        prev = post(seq, entryId, date, 'disbursement', memo, stamp, lines, prev);
        ins.application.run(
          newId(),
          appNo,
          who.id,
          who.household,
          who.name,
          kind,
          fund,
          amount,
          r.pick(['冬季取暖费困难', '子女学费困难', '突发疾病住院', '家庭主要劳动力失业']),
          stamp,
          stamp,
          admin.id,
          admin.name,
          stamp,
          admin.name,
          method,
          seq,
          stamp,
          admin.id,
        );
        applications++;
      } else {
        const method = r.pick(methods);
        const account = accountOfMethod[method];
        const declined = r.next() < 0.05;
        const receiptNumber = declined ? null : (ins.number.get(RECEIPT_SEQUENCE, year) as number);
        const receiptNo = receiptNumber ? formatYearNumber(year, receiptNumber) : null;
        memo = `捐赠收入（${method}）${receiptNo ? ` 收据${receiptNo}` : ' 捐赠人不需收据'}`;
        lines = [
          [account, fund, amount, 0],
          ['4101', fund, 0, amount],
        ];
        held.set(`${fund}:${account}`, (held.get(`${fund}:${account}`) ?? 0) + amount);
        prev = post(seq, entryId, date, 'donation', memo, stamp, lines, prev);
        const donationId = newId();
        // One donation in ten is anonymous (no donor on record).
        ins.donation.run(
          donationId,
          r.next() < 0.1 ? null : r.pick(donors),
          method,
          amount,
          fund,
          date,
          declined ? 1 : 0,
          seq,
          stamp,
          admin.id,
          stamp,
          admin.id,
        );
        if (receiptNo) ins.receipt.run(newId(), year, receiptNumber, receiptNo, donationId, date, stamp, admin.id, admin.name);
        donations++;
      }
    }

    function post(
      seq: number,
      id: string,
      date: string,
      kind: 'donation' | 'disbursement',
      memo: string,
      postedAt: string,
      lines: HashedLine[],
      prevHash: string,
    ) {
      const fields = { seq, id, entry_date: date, kind, memo, reverses_seq: null, reason: null, posted_at: postedAt, actor_name: admin.name };
      const hash = chainHash(prevHash, entryContent(fields, lines));
      ins.entry.run(seq, id, date, kind, memo, postedAt, admin.name, prevHash, hash);
      lines.forEach((l, i) => ins.line.run(seq, i + 1, l[0], l[1], l[2], l[3]));
      return hash;
    }
  })();
  // The whole book was one transaction in the WAL: copied into the file, as the app's checkpoints would, so
  // that reading it is reading the file (not the WAL's index, page by page).
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  return { entries, lines: entries * 2, donations, applications, noticeQuarter: NOTICE_QUARTER.key, noticeRows, ms: performance.now() - started };
}
