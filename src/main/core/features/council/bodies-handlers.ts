import { sql } from 'kysely';
import { AppError } from '../../../../shared/errors';
import type { HandlerMap } from '../../context';
import { newId } from '../../util/ids';
import * as repo from './repository';
import { statutoryRules } from './rules';
import { toBody, toMember } from './service';

type BodyMethods = 'council.listBodies' | 'council.saveBody' | 'council.listMembers' | 'council.saveMember' | 'council.drawHouseholdRoll';

const area = 'council';

export const bodiesHandlers: HandlerMap<BodyMethods> = {
  async 'council.listBodies'(_input, ctx) {
    return (await repo.listBodyRows(ctx.db)).map((r) => toBody(r, Number(r.member_count), Number(r.voting_count)));
  },

  async 'council.saveBody'(input, ctx) {
    const by = ctx.actor().id;
    const at = ctx.now().toISOString();
    const isAssembly = input.kind === 'resident_assembly';
    if (isAssembly && !input.assemblyForm)
      throw new AppError('council.assembly_form_needed', 'A 居民会议 needs its form', { fields: { assemblyForm: 'council.assembly_form_needed' } });
    const rule = statutoryRules[input.kind];
    const quorum = input.quorum ?? rule.quorum;
    if (quorum.num > quorum.den)
      throw new AppError('council.quorum_fraction', 'The quorum cannot be more than the whole', { fields: { quorum: 'council.quorum_fraction' } });
    const sameName = await ctx.db.selectFrom('council_bodies').select('id').where('name', '=', input.name).executeTakeFirst();
    if (sameName && sameName.id !== input.id)
      throw new AppError('council.body_name_taken', 'That name is taken', { fields: { name: 'council.body_name_taken' } });
    const values = {
      kind: input.kind,
      name: input.name,
      assembly_form: isAssembly ? input.assemblyForm : null,
      quorum_num: quorum.num,
      quorum_den: quorum.den,
      quorum_strict: quorum.strict ? 1 : 0,
      default_threshold: input.defaultThreshold ?? rule.threshold,
    };
    const before = input.id ? await repo.findBody(ctx.db, input.id) : undefined;
    if (input.id && !before) throw new AppError('council.body_not_found', 'No such body');
    const id = input.id ?? newId();
    if (before)
      await ctx.db
        .updateTable('council_bodies')
        .set({ ...values, updated_at: at, updated_by: by })
        .where('id', '=', id)
        .execute();
    else
      await ctx.db
        .insertInto('council_bodies')
        .values({ id, ...values, archived: 0, created_at: at, created_by: by, updated_at: at, updated_by: by })
        .execute();
    const after = toBody((await repo.findBody(ctx.db, id))!);
    await ctx.audit({
      action: 'council.saveBody',
      area,
      recordType: 'council_body',
      recordId: id,
      summary: after.name,
      before: before && toBody(before),
      after,
    });
    return after;
  },

  async 'council.listMembers'(input, ctx) {
    return (await repo.listMemberRows(ctx.db, input.bodyId)).map(toMember);
  },

  async 'council.saveMember'(input, ctx) {
    const by = ctx.actor().id;
    const at = ctx.now().toISOString();
    const body = await repo.findBody(ctx.db, input.bodyId);
    if (!body) throw new AppError('council.body_not_found', 'No such body');
    const rule = statutoryRules[body.kind as keyof typeof statutoryRules];
    const votes = input.votes ?? rule.membersVote;
    if (votes && !rule.membersVote)
      throw new AppError('council.supervision_no_vote', 'The supervision committee has a voice but no vote', {
        fields: { votes: 'council.supervision_no_vote' },
      });
    if (input.termEnd && input.termEnd < input.termStart)
      throw new AppError('council.term_order', 'The term ends before it starts', { fields: { termEnd: 'council.term_order' } });
    const before = input.id ? await repo.findMember(ctx.db, input.id) : undefined;
    if (input.id && (!before || before.body_id !== input.bodyId)) throw new AppError('council.member_not_found', 'No such member');
    // A new link must be to a present resident; an existing one stays when the person has since moved out.
    if (input.residentId && input.residentId !== before?.resident_id) {
      const resident = await ctx.db.selectFrom('residents').select(['id', 'archived']).where('id', '=', input.residentId).executeTakeFirst();
      if (!resident || resident.archived === 1)
        throw new AppError('council.resident_not_found', 'No such resident', { fields: { residentId: 'council.resident_not_found' } });
    }
    const values = {
      body_id: input.bodyId,
      resident_id: input.residentId,
      name: input.name,
      role: input.role,
      votes: votes ? 1 : 0,
      term_start: input.termStart,
      term_end: input.termEnd,
    };
    const id = input.id ?? newId();
    if (before)
      await ctx.db
        .updateTable('council_members')
        .set({ ...values, updated_at: at, updated_by: by })
        .where('id', '=', id)
        .execute();
    else
      await ctx.db
        .insertInto('council_members')
        .values({ id, ...values, household_id: null, archived: 0, created_at: at, created_by: by, updated_at: at, updated_by: by })
        .execute();
    const after = toMember((await repo.findMember(ctx.db, id))!);
    await ctx.audit({
      action: 'council.saveMember',
      area,
      recordType: 'council_member',
      recordId: id,
      summary: `${body.name} ${after.name}`,
      before: before && toMember(before),
      after,
    });
    return after;
  },

  async 'council.drawHouseholdRoll'(input, ctx) {
    const by = ctx.actor().id;
    const at = ctx.now().toISOString();
    const body = await repo.findBody(ctx.db, input.bodyId);
    if (!body) throw new AppError('council.body_not_found', 'No such body');
    if (body.kind !== 'resident_assembly' || body.assembly_form !== 'household_reps')
      throw new AppError('council.not_household_assembly', 'Only a household-representative 居民会议 draws its roll from households');
    // One member per registered household not yet on the roll; the head of household represents it.
    const result = await sql`
      INSERT INTO council_members (id, body_id, resident_id, household_id, name, role, votes, term_start, term_end, archived, created_at, created_by, updated_at, updated_by)
      SELECT lower(hex(randomblob(16))), ${body.id}, h.head_resident_id, h.id, coalesce(r.name, h.number), '户代表', 1, ${input.termStart}, NULL, 0, ${at}, ${by}, ${at}, ${by}
      FROM households h LEFT JOIN residents r ON r.id = h.head_resident_id
      WHERE h.archived = 0
        AND NOT EXISTS (SELECT 1 FROM council_members m WHERE m.body_id = ${body.id} AND m.household_id = h.id AND m.archived = 0)`.execute(ctx.db);
    const added = Number(result.numAffectedRows ?? 0);
    await ctx.audit({
      action: 'council.drawHouseholdRoll',
      area,
      recordType: 'council_body',
      recordId: body.id,
      summary: `${body.name} +${added}`,
      after: { added },
    });
    return { added };
  },
};
