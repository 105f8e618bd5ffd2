import { AppError } from '../../../../../shared/errors';
import type { HandlerContext, HandlerMap } from '../../../context';
import type { ResidentsTable } from '../../../db/schema';
import { hallDay } from '../../../time/hall-day';
import { claimHeadIfNeeded, mustFindHousehold, releaseHead } from '../households';
import { setResidentTags } from '../tags';
import { recomputeNextVisit } from '../visits/policy';
import { forgetUnplacedReason } from '../unplaced';
import { appendResidentEvent, resolvePlacement, type PlacementColumns } from '../write';
import { findResidentRow, mustFindResident } from './repository';
import { auditView, toResidentDetail } from './rows';

/**
 * Moving out, death, moving (back) in, a new household, tags. Nobody is deleted: leaving sets a date and
 * archives the record; coming back clears it. Each step is a history event and an audit record.
 */

type LifecycleMethods = 'residents.moveOut' | 'residents.recordDeath' | 'residents.moveIn' | 'residents.changeHousehold' | 'residents.setTags';

function checkDate(on: string, row: ResidentsTable, today: string, field = 'on') {
  if (on > today) throw new AppError('residents.date_in_future', 'The date is in the future', { fields: { [field]: 'residents.date_in_future' } });
  if (row.birth_date && on < row.birth_date)
    throw new AppError('residents.date_before_birth', 'The date is before the birth date', { fields: { [field]: 'residents.date_before_birth' } });
}

/** The step's closing: visits due again for the households it touched, the audit record, the new detail. */
async function finish(
  ctx: HandlerContext,
  before: ResidentsTable,
  { action, today, timeZone, households }: { action: string; today: string; timeZone: string; households: (string | null)[] },
) {
  await recomputeNextVisit(ctx.db, households, today, timeZone);
  const after = (await findResidentRow(ctx.db, before.id))!;
  await ctx.audit({
    action,
    area: 'residents',
    recordType: 'resident',
    recordId: before.id,
    summary: after.name,
    before: auditView(before),
    after: auditView(after),
  });
  return toResidentDetail(ctx.db, after, today);
}

/**
 * How 迁出 and 登记死亡 differ; the rest of leaving is the same. A person who moved out can still have a
 * death recorded (news of it often comes later), so only a recorded death makes 登记死亡 a repeat.
 */
const leavings = {
  moved_out: {
    action: 'residents.moveOut',
    dated: (on: string) => ({ moved_out_on: on }),
    alreadyLeft: (row: ResidentsTable) => row.archived === 1,
    why: 'Already moved out or died',
    // Where they left from, for the timeline: the household may have changed by the time anyone reads it.
    detail: (row: ResidentsTable, note: string) => ({ note, householdId: row.household_id, houseId: row.house_id }),
  },
  died: {
    action: 'residents.recordDeath',
    dated: (on: string) => ({ died_on: on }),
    alreadyLeft: (row: ResidentsTable) => row.died_on !== null,
    why: 'The death is already recorded',
    detail: (_row: ResidentsTable, note: string) => ({ note }),
  },
} as const;

/** Archives the person with the date, records the event, and frees the head of household's place. */
async function leave(kind: keyof typeof leavings, input: { id: string; on: string; note: string }, ctx: HandlerContext) {
  const how = leavings[kind];
  const actor = ctx.actor();
  const at = ctx.now().toISOString();
  const { today, timeZone } = await hallDay(ctx);
  const before = await mustFindResident(ctx.db, input.id);
  if (how.alreadyLeft(before)) throw new AppError('residents.already_archived', how.why);
  checkDate(input.on, before, today);
  await ctx.db
    .updateTable('residents')
    .set({ ...how.dated(input.on), archived: 1, updated_at: at, updated_by: actor.id })
    .where('id', '=', before.id)
    .execute();
  await appendResidentEvent(ctx.db, { residentId: before.id, kind, onDate: input.on, detail: how.detail(before, input.note), actor, at });
  await releaseHead(ctx.db, before.id, before.household_id, actor.id, at);
  return finish(ctx, before, { action: how.action, today, timeZone, households: [before.household_id] });
}

/**
 * Puts the person in a house and household (迁入, 变更户): the new placement with the step's own columns,
 * the event, the head of household's place left in the old household and taken in the new one if the
 * relation says so, then the closing.
 */
async function place(
  ctx: HandlerContext,
  before: ResidentsTable,
  placement: PlacementColumns,
  step: {
    action: string;
    columns: Partial<ResidentsTable>;
    event: { kind: 'moved_in' | 'restored' | 'household_changed'; onDate?: string; detail: Record<string, unknown> };
  },
) {
  const actor = ctx.actor();
  const at = ctx.now().toISOString();
  const { today, timeZone } = await hallDay(ctx);
  await ctx.db
    .updateTable('residents')
    .set({ ...placement, ...step.columns, updated_at: at, updated_by: actor.id })
    .where('id', '=', before.id)
    .execute();
  await appendResidentEvent(ctx.db, { residentId: before.id, ...step.event, actor, at });
  if (before.household_id !== placement.household_id) await releaseHead(ctx.db, before.id, before.household_id, actor.id, at);
  await claimHeadIfNeeded(ctx.db, before.id, placement.household_id, placement.relation_to_head, actor.id, at);
  if (placement.household_id) await forgetUnplacedReason(ctx.db, before.id);
  return finish(ctx, before, { action: step.action, today, timeZone, households: [before.household_id, placement.household_id] });
}

export const lifecycleHandlers: HandlerMap<LifecycleMethods> = {
  'residents.moveOut': (input, ctx) => leave('moved_out', input, ctx),
  'residents.recordDeath': (input, ctx) => leave('died', input, ctx),

  /**
   * Back after moving out ('moved_in'), a move within the community ('moved_in'), or the correction of a
   * death recorded in error ('restored'). Without a new house or household the last placement is kept.
   */
  async 'residents.moveIn'(input, ctx) {
    const { today } = await hallDay(ctx);
    const before = await mustFindResident(ctx.db, input.id);
    checkDate(input.on, before, today);
    const relationToHead = input.relationToHead || before.relation_to_head;
    const placement =
      input.houseId || input.householdId
        ? await resolvePlacement(ctx.db, { houseId: input.houseId, householdId: input.householdId, relationToHead })
        : {
            house_id: before.house_id,
            building_id: before.building_id,
            grid_id: before.grid_id,
            household_id: before.household_id,
            relation_to_head: relationToHead,
          };
    return place(ctx, before, placement, {
      action: 'residents.moveIn',
      columns: { archived: 0, moved_out_on: null, died_on: null, moved_in_on: input.on },
      event: {
        kind: before.died_on ? 'restored' : 'moved_in',
        onDate: input.on,
        detail: {
          fromHouseId: before.house_id,
          toHouseId: placement.house_id,
          householdId: placement.household_id,
          movedOutOn: before.moved_out_on,
          diedOn: before.died_on,
        },
      },
    });
  },

  async 'residents.changeHousehold'(input, ctx) {
    const before = await mustFindResident(ctx.db, input.id);
    const target = await mustFindHousehold(ctx.db, input.householdId);
    // A household without a house keeps the person where they live.
    const placement = await resolvePlacement(ctx.db, {
      houseId: target.house_id ?? before.house_id,
      householdId: target.id,
      relationToHead: input.relationToHead,
    });
    return place(ctx, before, placement, {
      action: 'residents.changeHousehold',
      columns: {},
      event: {
        kind: 'household_changed',
        detail: {
          from: before.household_id,
          to: target.id,
          toNumber: target.number,
          relationFrom: before.relation_to_head,
          relationTo: input.relationToHead,
          houseFrom: before.house_id,
          houseTo: placement.house_id,
        },
      },
    });
  },

  async 'residents.setTags'(input, ctx) {
    const actor = ctx.actor();
    const at = ctx.now().toISOString();
    const { today, timeZone } = await hallDay(ctx);
    const before = await mustFindResident(ctx.db, input.id);
    const { added, removed } = await setResidentTags(ctx.db, before.id, input.tagIds, actor, at);
    await recomputeNextVisit(ctx.db, [before.household_id], today, timeZone);
    const after = (await findResidentRow(ctx.db, before.id))!;
    await ctx.audit({ recordType: 'resident', recordId: before.id, summary: after.name, after: { added, removed } });
    return toResidentDetail(ctx.db, after, today);
  },
};
