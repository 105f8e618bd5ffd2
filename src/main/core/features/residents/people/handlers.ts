import { AppError, ErrorCodes } from '../../../../../shared/errors';
import type { HandlerContext, HandlerMap } from '../../../context';
import type { ResidentsTable } from '../../../db/schema';
import { hallDay } from '../../../time/hall-day';
import { decodeCursor, encodeCursor, type Keyset } from '../../../db/keyset';
import { selectCompiled, selectRows } from '../../../db/query-shape';
import { keepUnplacedReason } from '../unplaced';
import { findSimilar, insertResident, resolvePlacement, updateResident } from '../write';
import { idOwner } from './id-owner';
import { setResidentTags } from '../tags';
import { recomputeNextVisit } from '../visits/policy';
import { claimHeadIfNeeded } from '../households';
import { fieldsFromInput, prepareOrThrow } from './input';
import { compiledPageQueries, countQuery, keyOf, mergePage, pagesByTag, type ListedRow, type ListFilter, type PageQuery } from './list';
import { eventsOfResident, findResidentRow, mustFindResident } from './repository';
import { auditView, toResidentDetail, toResidentEvent, toResidentRows } from './rows';

type PeopleMethods =
  'residents.list' | 'residents.count' | 'residents.get' | 'residents.idOwner' | 'residents.create' | 'residents.update' | 'residents.reveal';

async function tagNames(ctx: Pick<HandlerContext, 'db'>, residentId: string): Promise<string[]> {
  const rows = await ctx.db
    .selectFrom('resident_tags')
    .innerJoin('tags', 'tags.id', 'resident_tags.tag_id')
    .select('tags.name')
    .where('resident_tags.resident_id', '=', residentId)
    .orderBy('tags.sort')
    .execute();
  return rows.map((r) => r.name);
}

export const peopleHandlers: HandlerMap<PeopleMethods> = {
  async 'residents.list'(input, ctx) {
    const { today } = await hallDay(ctx);
    // The name order is by pinyin: its cursors carry (pinyin, name, tie), and say so, as they say which tie
    // (a tag's links: the resident's id; residents: the rowid), so that a cursor of another kind is refused.
    const tag = `${input.sort === 'name' ? 'pinyin' : input.sort}:${input.direction}:${pagesByTag(input) ? 'link' : 'row'}`;
    const after = decodeCursor(input.cursor, tag, input.sort === 'name', 'residents.bad_cursor');
    const page = pagesByTag(input)
      ? await pageByTag(ctx, input, today, after)
      : mergePage(
          await readRanges<ListedRow>(ctx, compiledPageQueries(ctx.db, input, false, today, after, input.limit), input.limit),
          input.sort,
          input.direction,
          input.limit,
        );
    const last = page.rows[page.rows.length - 1];
    return { rows: await toResidentRows(ctx.db, page.rows, today), nextCursor: page.more && last ? encodeCursor(tag, keyOf(last, input.sort)) : null };
  },

  async 'residents.count'(input, ctx) {
    const { today } = await hallDay(ctx);
    const [r] = await selectRows(ctx.db, countQuery(input, today));
    return { count: Number(r?.n ?? 0) };
  },

  async 'residents.get'(input, ctx) {
    const row = await mustFindResident(ctx.db, input.id);
    const { today } = await hallDay(ctx);
    return { resident: await toResidentDetail(ctx.db, row, today), timeline: (await eventsOfResident(ctx.db, row.id)).map(toResidentEvent) };
  },

  async 'residents.idOwner'(input, ctx) {
    const { today } = await hallDay(ctx);
    return idOwner(ctx.db, ctx.secrets, input, today);
  },

  async 'residents.create'(input, ctx) {
    const actor = ctx.actor();
    const at = ctx.now().toISOString();
    const { today, timeZone } = await hallDay(ctx);
    const prepared = prepareOrThrow(fieldsFromInput(input, ctx.secrets), ctx.secrets, today);
    if (!input.acknowledgeSimilar) await refuseSimilar(ctx, prepared.columns.name, prepared.columns.birth_date);
    const placement = await resolvePlacement(ctx.db, { houseId: input.houseId, householdId: input.householdId, relationToHead: input.relationToHead });
    // Without a household a person is on no grid worker's list and not in 楼盘表: only deliberately, with a reason
    // (暂不登记到户), as the form asks. An import places people by their address columns and is not this call.
    if (!placement.household_id && !input.unplacedReason) {
      throw new AppError(ErrorCodes.invalidInput, 'A household, or the reason there is none', { fields: { householdId: 'residents.household_or_reason' } });
    }
    const unplacedReason = placement.household_id ? '' : input.unplacedReason;
    const id = await insertResident(ctx.db, prepared, placement, { movedInOn: input.movedInOn, unplacedReason }, actor, at);
    await keepUnplacedReason(ctx.db, id, placement.household_id, input.unplacedReason, actor, at);
    if (input.tagIds.length) await setResidentTags(ctx.db, id, input.tagIds, actor, at);
    await claimHeadIfNeeded(ctx.db, id, placement.household_id, placement.relation_to_head, actor.id, at);
    await recomputeNextVisit(ctx.db, [placement.household_id], today, timeZone);
    const row = (await findResidentRow(ctx.db, id))!;
    await ctx.audit({ recordType: 'resident', recordId: id, summary: row.name, after: auditView(row, await tagNames(ctx, id)) });
    return toResidentDetail(ctx.db, row, today);
  },

  async 'residents.update'(input, ctx) {
    const actor = ctx.actor();
    const at = ctx.now().toISOString();
    const { today, timeZone } = await hallDay(ctx);
    const before = await mustFindResident(ctx.db, input.id);
    const tagsBefore = await tagNames(ctx, before.id);
    const prepared = prepareOrThrow(fieldsFromInput(input, ctx.secrets, before), ctx.secrets, today);
    const sameIdentity = prepared.columns.name === before.name && prepared.columns.birth_date === before.birth_date;
    if (!input.acknowledgeSimilar && !sameIdentity) await refuseSimilar(ctx, prepared.columns.name, prepared.columns.birth_date, before.id);
    const placement = await resolvePlacement(ctx.db, { houseId: input.houseId, householdId: input.householdId, relationToHead: input.relationToHead });
    await updateResident(ctx.db, before, prepared, placement, actor, at, ctx.secrets, { movedInOn: input.movedInOn });
    // An edit that leaves the reason empty keeps the one given before (the form shows it); a household ends it.
    if (placement.household_id || input.unplacedReason) await keepUnplacedReason(ctx.db, before.id, placement.household_id, input.unplacedReason, actor, at);
    await setResidentTags(ctx.db, before.id, input.tagIds, actor, at);
    await claimHeadIfNeeded(ctx.db, before.id, placement.household_id, placement.relation_to_head, actor.id, at);
    await recomputeNextVisit(ctx.db, [before.household_id, placement.household_id], today, timeZone);
    const after = (await findResidentRow(ctx.db, before.id))!;
    await ctx.audit({
      recordType: 'resident',
      recordId: before.id,
      summary: after.name,
      before: auditView(before, tagsBefore),
      after: auditView(after, await tagNames(ctx, before.id)),
    });
    return toResidentDetail(ctx.db, after, today);
  },

  /**
   * The full number, for someone with the permission and a reason; the audit names the person (its summary, as
   * for every resident record) and the field, never the value.
   */
  async 'residents.reveal'(input, ctx) {
    const row = await mustFindResident(ctx.db, input.id);
    const stored = input.field === 'idNumber' ? row.id_cipher : row.phone_cipher;
    if (!stored) throw new AppError('residents.no_value', 'Nothing is recorded in this field');
    const value = ctx.secrets.decrypt(stored);
    const after = { field: input.field, reason: input.reason };
    await ctx.audit({ recordType: 'resident', recordId: row.id, summary: row.name, after });
    return { value };
  },
};

/** Each group is one archived value's ranges in scan order; a later range is read only if the earlier ones came short. */
async function readRanges<R>(ctx: Pick<HandlerContext, 'db'>, groups: PageQuery[][], limit: number): Promise<R[][]> {
  const parts: R[][] = [];
  for (const group of groups) {
    const got: R[] = [];
    if (group.length === 1) {
      // One range (most pages): its rows are the part as they are.
      parts.push(await selectCompiled<R>(ctx.db, group[0].sql, group[0].parameters));
      continue;
    }
    for (const q of group) {
      if (got.length > limit) break;
      got.push(...(await selectCompiled<R>(ctx.db, q.sql, q.parameters)));
    }
    parts.push(got);
  }
  return parts;
}

/** A page of a tag's links in order, then those residents' rows by id. */
async function pageByTag(
  ctx: Pick<HandlerContext, 'db'>,
  input: ListFilter & { limit: number },
  today: string,
  after: Keyset | null,
): Promise<{ rows: ResidentsTable[]; more: boolean }> {
  // Each range's one statement walks the links and joins their residents: the page is its rows, merged.
  const ranges = compiledPageQueries(ctx.db, input, true, today, after, input.limit);
  return mergePage(await readRanges<ResidentsTable>(ctx, ranges, input.limit), input.sort, input.direction, input.limit);
}

async function refuseSimilar(ctx: Pick<HandlerContext, 'db'>, name: string, birthDate: string | null, exceptId?: string) {
  const similar = await findSimilar(ctx.db, name, birthDate, exceptId);
  if (similar) {
    throw new AppError('residents.similar_exists', `${similar.name} (${similar.birth_date}) is already registered`, {
      params: { residentId: similar.id, name: similar.name, birthDate: similar.birth_date ?? '' },
    });
  }
}
