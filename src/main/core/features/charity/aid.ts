import type { aid } from '../../../../shared/contract/charity/aid';
import { AppError } from '../../../../shared/errors';
import type { HandlerMap } from '../../context';
import { allocateNumber, formatYearNumber } from '../../sequences/sequences';
import { newId } from '../../util/ids';
import { fundBalance } from './balances';
import { actor, area, today } from './context';
import { GOODS_ACCOUNT } from './donations';
import { findFund } from './funds';
import { postEntry } from './journal';
import { applicationsPageQuery } from './list-queries';
import { goodsOutValue } from './stock';
import { citableResolutions as findCitableResolutionsFor, findCitableResolution } from '../council';
import { addEvent, assistanceTags, earlierThisYear, findApplication, findRecipient, toApplication } from './aid-repository';
import { evidenceHandlers } from './evidence';

const paymentAccount: Record<string, string> = { 现金: '1001', 转账: '1002', 物资: '1401' };

export const aidHandlers: HandlerMap<keyof typeof aid> = {
  ...evidenceHandlers,

  async 'charity.fileApplication'(input, ctx) {
    const who = actor(ctx);
    const at = ctx.now().toISOString();
    const resident = await findRecipient(ctx.db, input.residentId);
    await findFund(ctx.db, input.fundCode);
    if (input.amountFen === 0 && input.items.length === 0)
      throw new AppError('charity.amount_required', 'An amount or items are needed', { fields: { amountFen: 'charity.amount_required' } });
    const year = Number((await today(ctx)).slice(0, 4));
    const number = formatYearNumber(year, await allocateNumber(ctx.db, 'charity.aid', year), 'A');
    const id = newId();
    await ctx.db
      .insertInto('charity_aid_applications')
      .values({
        id,
        number,
        resident_id: resident.id,
        household_id: resident.household_id,
        recipient_name: resident.name,
        kind: input.kind,
        fund_code: input.fundCode,
        amount_fen: input.amountFen,
        items_json: JSON.stringify(input.items),
        reason: input.reason,
        status: 'submitted',
        created_at: at,
        created_by: who.id,
        created_by_name: who.name,
      })
      .execute();
    await addEvent(ctx.db, id, at, who, 'filed', input);
    const out = await toApplication(ctx.db, await findApplication(ctx.db, id));
    await ctx.audit({
      action: 'charity.fileApplication',
      area,
      recordType: 'charity_application',
      recordId: id,
      summary: `${number} ${resident.name}`,
      after: out,
    });
    return out;
  },

  async 'charity.reviewApplication'(input, ctx) {
    const who = actor(ctx);
    const at = ctx.now().toISOString();
    const app = await findApplication(ctx.db, input.id);
    if (app.status !== 'submitted') throw new AppError('charity.application_state', 'Only a submitted application is reviewed');
    if (input.visitId) {
      const visit = await ctx.db.selectFrom('visits').select(['household_id']).where('id', '=', input.visitId).executeTakeFirst();
      if (!visit || visit.household_id !== app.household_id)
        throw new AppError('charity.visit_not_found', 'No such visit to this household', { fields: { visitId: 'charity.visit_not_found' } });
    }
    // The cited resolution is the council's own record, found through the council's index; its number is kept beside it for print.
    const resolution = input.councilResolutionId ? await findCitableResolution(ctx.db, input.councilResolutionId) : null;
    if (input.councilResolutionId && !resolution)
      throw new AppError('charity.resolution_not_found', 'The council has no such resolution', {
        fields: { councilResolutionId: 'charity.resolution_not_found' },
      });
    await ctx.db
      .updateTable('charity_aid_applications')
      .set({
        status: 'reviewed',
        visit_id: input.visitId,
        visit_note: input.visitNote,
        council_resolution_id: resolution?.id ?? null,
        council_resolution_no: resolution?.number ?? null,
        reviewed_at: at,
        reviewed_by_name: who.name,
      })
      .where('id', '=', app.id)
      .execute();
    await addEvent(ctx.db, app.id, at, who, 'reviewed', { ...input, councilResolutionNo: resolution?.number ?? null });
    const out = await toApplication(ctx.db, await findApplication(ctx.db, app.id));
    await ctx.audit({ action: 'charity.reviewApplication', area, recordType: 'charity_application', recordId: app.id, summary: app.number, after: out });
    return out;
  },

  async 'charity.citableResolutions'(input, ctx) {
    return findCitableResolutionsFor(ctx.db, input.query, 200);
  },

  async 'charity.aidReview'(input, ctx) {
    const app = await findApplication(ctx.db, input.id);
    const session = ctx.requireSession();
    return {
      application: await toApplication(ctx.db, app),
      fundBalanceFen: await fundBalance(ctx.db, app.fund_code),
      assistanceTags: await assistanceTags(ctx.db, app.resident_id),
      earlierThisYear: await earlierThisYear(ctx.db, app, (await today(ctx)).slice(0, 4)),
      canDecide: app.status === 'reviewed' && app.created_by !== session.userId && session.permissions.has('charity.approve'),
    };
  },

  async 'charity.decideApplication'(input, ctx) {
    const who = actor(ctx);
    const at = ctx.now().toISOString();
    const app = await findApplication(ctx.db, input.id);
    if (app.status !== 'reviewed') throw new AppError('charity.application_state', 'Only a reviewed application is decided');
    // Maker–checker: the person who recorded it cannot decide it (the table's trigger holds the same rule).
    if (app.created_by === who.id) throw new AppError('charity.self_approval', 'You recorded this application');
    if (input.approve) {
      const balance = await fundBalance(ctx.db, app.fund_code);
      if (balance < app.amount_fen)
        throw new AppError('charity.fund_overspent', 'The fund does not hold enough', { params: { balance, amount: app.amount_fen } });
      // Goods the store cannot give are refused now, not at the counter.
      await goodsOutValue(ctx.db, JSON.parse(app.items_json) as { item: string; unit: string; quantity: number }[]);
    }
    await ctx.db
      .updateTable('charity_aid_applications')
      .set({ status: input.approve ? 'approved' : 'rejected', decided_at: at, decided_by: who.id, decided_by_name: who.name, decision_note: input.note })
      .where('id', '=', app.id)
      .execute();
    await addEvent(ctx.db, app.id, at, who, input.approve ? 'approved' : 'rejected', { note: input.note });
    const out = await toApplication(ctx.db, await findApplication(ctx.db, app.id));
    await ctx.audit({
      action: input.approve ? 'charity.approveApplication' : 'charity.rejectApplication',
      area,
      recordType: 'charity_application',
      recordId: app.id,
      summary: app.number,
      after: out,
    });
    return out;
  },

  async 'charity.payApplication'(input, ctx) {
    const who = actor(ctx);
    const at = ctx.now().toISOString();
    const day = await today(ctx);
    const app = await findApplication(ctx.db, input.id);
    if (app.status !== 'approved') throw new AppError('charity.application_state', 'Only an approved application is paid');
    const items = JSON.parse(app.items_json) as { item: string; unit: string; quantity: number }[];
    // Goods leave the store at the value they came in at (借 救助支出 / 贷 捐赠物资), unless the treasurer paid
    // the application "in goods" with a value of their own; either way the store must hold them.
    const goodsValue = items.length > 0 ? await goodsOutValue(ctx.db, items) : 0;
    const credits = new Map<string, number>();
    if (app.amount_fen > 0) credits.set(paymentAccount[input.method], app.amount_fen);
    if (goodsValue > 0 && !(input.method === '物资' && app.amount_fen > 0)) credits.set(GOODS_ACCOUNT, (credits.get(GOODS_ACCOUNT) ?? 0) + goodsValue);
    for (const [account, amount] of credits) {
      const held = await fundBalance(ctx.db, app.fund_code, account);
      if (held < amount) throw new AppError('charity.fund_overspent', 'The fund does not hold enough in that account', { params: { balance: held, amount } });
    }
    const total = [...credits.values()].reduce((a, b) => a + b, 0);
    let seq: number | null = null;
    if (total > 0) {
      seq = await postEntry(ctx.db, {
        date: day,
        kind: 'disbursement',
        memo: `救助支出（${app.kind}，${input.method}） 申请${app.number}`,
        lines: [
          { account: '5101', fund: app.fund_code, debit: total, credit: 0 },
          ...[...credits].map(([account, amount]) => ({ account, fund: app.fund_code, debit: 0, credit: amount })),
        ],
        actorName: who.name,
        postedAt: at,
      });
    }
    for (const item of items) {
      await ctx.db
        .insertInto('charity_stock_moves')
        .values({
          item: item.item,
          unit: item.unit,
          quantity: -item.quantity,
          donation_id: null,
          application_id: app.id,
          on_date: day,
          created_at: at,
          created_by: who.id,
        })
        .execute();
    }
    await ctx.db
      .updateTable('charity_aid_applications')
      .set({ status: 'paid', paid_at: at, paid_by_name: who.name, payment_method: input.method, entry_seq: seq })
      .where('id', '=', app.id)
      .execute();
    await addEvent(ctx.db, app.id, at, who, 'paid', { method: input.method, entrySeq: seq });
    const out = await toApplication(ctx.db, await findApplication(ctx.db, app.id));
    await ctx.audit({
      action: 'charity.payApplication',
      area,
      recordType: 'charity_application',
      recordId: app.id,
      summary: `${app.number} ${app.amount_fen}`,
      after: out,
    });
    return out;
  },

  async 'charity.acknowledgeApplication'(input, ctx) {
    const who = actor(ctx);
    const at = ctx.now().toISOString();
    const app = await findApplication(ctx.db, input.id);
    if (app.status !== 'paid') throw new AppError('charity.application_state', 'Only a paid application is acknowledged');
    await ctx.db
      .updateTable('charity_aid_applications')
      .set({ status: 'acknowledged', acknowledged_at: at, acknowledgement: input.acknowledgement })
      .where('id', '=', app.id)
      .execute();
    await addEvent(ctx.db, app.id, at, who, 'acknowledged', input);
    const out = await toApplication(ctx.db, await findApplication(ctx.db, app.id));
    await ctx.audit({ action: 'charity.acknowledgeApplication', area, recordType: 'charity_application', recordId: app.id, summary: app.number, after: out });
    return out;
  },

  async 'charity.listApplications'(input, ctx) {
    const rows = await applicationsPageQuery(ctx.db, input).execute();
    const page = rows.slice(0, input.limit);
    return { rows: await Promise.all(page.map((r) => toApplication(ctx.db, r))), nextCursor: rows.length > input.limit ? page[page.length - 1].id : null };
  },
};
