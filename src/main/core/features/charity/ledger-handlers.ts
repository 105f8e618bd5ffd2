import type { ledger } from '../../../../shared/contract/charity/ledger';
import type { JournalEntry } from '../../../../shared/contract/charity/ledger';
import { AppError } from '../../../../shared/errors';
import type { HandlerMap } from '../../context';
import { newId } from '../../util/ids';
import { charityChain } from './chain';
import { actor, area, today } from './context';
import { fundsWithBalances, toFund } from './funds';
import { reverseEntry } from './journal';
import { closeMonth } from './periods';
import { dashboard } from './dashboard';
import { annualSummary } from './annual';
import * as repo from './ledger-repository';

export const ledgerHandlers: HandlerMap<keyof typeof ledger> = {
  async 'charity.listFunds'(_input, ctx) {
    return fundsWithBalances(ctx.db);
  },

  async 'charity.saveFund'(input, ctx) {
    const who = actor(ctx);
    const at = ctx.now().toISOString();
    const sameCode = await ctx.db.selectFrom('charity_funds').selectAll().where('code', '=', input.code).executeTakeFirst();
    if (sameCode && sameCode.id !== input.id)
      throw new AppError('charity.fund_code_taken', 'That fund code is taken', { fields: { code: 'charity.fund_code_taken' } });
    const before = input.id ? await ctx.db.selectFrom('charity_funds').selectAll().where('id', '=', input.id).executeTakeFirst() : undefined;
    if (input.id && !before) throw new AppError('charity.fund_not_found', 'No such fund');
    const id = before?.id ?? newId();
    if (before) {
      await ctx.db
        .updateTable('charity_funds')
        .set({ name: input.name, purpose: input.purpose, code: input.code, kind: input.kind, updated_at: at, updated_by: who.id })
        .where('id', '=', id)
        .execute();
    } else {
      await ctx.db
        .insertInto('charity_funds')
        .values({
          id,
          code: input.code,
          name: input.name,
          kind: input.kind,
          purpose: input.purpose,
          archived: 0,
          created_at: at,
          created_by: who.id,
          updated_at: at,
          updated_by: who.id,
        })
        .execute();
    }
    const after = toFund(await ctx.db.selectFrom('charity_funds').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
    await ctx.audit({
      action: 'charity.saveFund',
      area,
      recordType: 'charity_fund',
      recordId: id,
      summary: `${after.code} ${after.name}`,
      before: before && toFund(before),
      after,
    });
    return after;
  },

  async 'charity.journal'(input, ctx) {
    return repo.journalPage(ctx.db, input);
  },

  async 'charity.reverseEntry'(input, ctx) {
    const who = actor(ctx);
    const seq = await reverseEntry(ctx.db, {
      seq: input.seq,
      reason: input.reason,
      date: await today(ctx),
      actorName: who.name,
      postedAt: ctx.now().toISOString(),
    });
    const [entry] = (await repo.journalPage(ctx.db, { beforeSeq: seq + 1, limit: 1 })) as JournalEntry[];
    await ctx.audit({
      action: 'charity.reverseEntry',
      area,
      recordType: 'charity_entry',
      recordId: String(seq),
      summary: `${input.seq} → ${seq}: ${input.reason}`,
      after: entry,
    });
    return entry;
  },

  async 'charity.listPeriods'(_input, ctx) {
    const rows = await ctx.db.selectFrom('charity_periods').select(['month', 'closed_at', 'closed_by_name', 'last_seq']).orderBy('month', 'desc').execute();
    return rows.map((r) => ({ month: r.month, closedAt: r.closed_at, closedByName: r.closed_by_name, lastSeq: r.last_seq }));
  },

  async 'charity.closeMonth'(input, ctx) {
    const who = actor(ctx);
    const at = ctx.now().toISOString();
    const carried = await closeMonth(ctx.db, { month: input.month, today: await today(ctx), actorId: who.id, actorName: who.name, at });
    const row = await ctx.db.selectFrom('charity_periods').selectAll().where('month', '=', input.month).executeTakeFirstOrThrow();
    await ctx.audit({ action: 'charity.closeMonth', area, recordType: 'charity_period', recordId: input.month, summary: input.month, after: { carried } });
    return { month: row.month, closedAt: row.closed_at, closedByName: row.closed_by_name, lastSeq: row.last_seq };
  },

  async 'charity.verify'(_input, ctx) {
    return charityChain.verify(ctx.sqlite);
  },

  async 'charity.reconcile'(input, ctx) {
    const who = actor(ctx);
    // Cash on hand is the 1001 account; the bank holds 1002 and the online receipts (1003) settle into it.
    const cashLedger = await repo.accountBalanceThrough(ctx.db, ['1001'], input.month);
    const bankLedger = await repo.accountBalanceThrough(ctx.db, ['1002', '1003'], input.month);
    const row = {
      id: newId(),
      month: input.month,
      cash_counted_fen: input.cashCountedFen,
      bank_statement_fen: input.bankStatementFen,
      cash_ledger_fen: cashLedger,
      bank_ledger_fen: bankLedger,
      difference_fen: input.cashCountedFen + input.bankStatementFen - cashLedger - bankLedger,
      note: input.note,
      created_at: ctx.now().toISOString(),
      created_by: who.id,
    };
    await ctx.db.insertInto('charity_reconciliations').values(row).execute();
    const out = repo.toReconciliation(row);
    await ctx.audit({ action: 'charity.reconcile', area, recordType: 'charity_reconciliation', recordId: row.id, summary: input.month, after: out });
    return out;
  },

  async 'charity.listReconciliations'(input, ctx) {
    return repo.reconciliationPage(ctx.db, input);
  },

  async 'charity.annualSummary'(input, ctx) {
    return annualSummary(ctx.db, input.year);
  },

  async 'charity.dashboard'(input, ctx) {
    return dashboard(ctx, input.year ?? Number((await today(ctx)).slice(0, 4)));
  },
};
