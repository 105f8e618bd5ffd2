import { sql, type Kysely } from 'kysely';
import type { Donor } from '../../../../shared/contract/charity/donations';
import type { Disclosure } from '../../../../shared/contract/charity/common';
import { AppError } from '../../../../shared/errors';
import { maskPhone } from '../../../../shared/values/mask';
import { publicDonorName as sharedPublicName } from '../../../../shared/contract/charity/public-name';
import type { HandlerMap } from '../../context';
import type { Database } from '../../db/schema';
import { newId } from '../../util/ids';
import { actor, area } from './context';
import { donorsPageQuery } from './list-queries';
import type { CharityDonorsTable } from './schema';

export function toDonor(r: CharityDonorsTable, totalFen = 0): Donor {
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    contactMasked: r.contact_masked,
    residentId: r.resident_id,
    disclosure: r.disclosure,
    consentOn: r.consent_on,
    notes: r.notes,
    totalFen,
  };
}

/** The name a public output may print: the shared rule (contract/charity/public-name.ts) on a donor's row. */
export function publicDonorName(
  donor: Pick<CharityDonorsTable, 'name' | 'disclosure' | 'consent_on' | 'kind'> | null,
  override: Disclosure | null = null,
): string {
  return sharedPublicName(donor && { name: donor.name, kind: donor.kind, consentOn: donor.consent_on, disclosure: donor.disclosure }, override);
}

/** Naming a donor in public needs their consent on record. */
export function assertMayName(donor: Pick<CharityDonorsTable, 'consent_on'> | null, disclosure: Disclosure | null): void {
  if (disclosure === 'full' && !donor?.consent_on) {
    throw new AppError('charity.no_consent', 'The donor has not consented to be named', { fields: { disclosure: 'charity.no_consent' } });
  }
}

export async function findDonor(db: Kysely<Database>, id: string): Promise<CharityDonorsTable> {
  const donor = await db.selectFrom('charity_donors').selectAll().where('id', '=', id).executeTakeFirst();
  if (!donor) throw new AppError('charity.donor_not_found', 'No such donor', { fields: { donorId: 'charity.donor_not_found' } });
  return donor;
}

async function totalsOf(db: Kysely<Database>, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('charity_donations')
    .select(['donor_id', sql<number>`sum(amount_fen)`.as('n')])
    .where('donor_id', 'in', ids)
    .where('entry_seq', 'is not', null)
    .groupBy('donor_id')
    .execute();
  return new Map(rows.map((r) => [r.donor_id as string, r.n]));
}

export const donorsHandlers: HandlerMap<'charity.listDonors' | 'charity.saveDonor' | 'charity.revealDonorContact'> = {
  async 'charity.listDonors'(input, ctx) {
    const rows = await donorsPageQuery(ctx.db, input).execute();
    const page = rows.slice(0, input.limit);
    const totals = await totalsOf(
      ctx.db,
      page.map((r) => r.id),
    );
    const last = page[page.length - 1];
    return { rows: page.map((r) => toDonor(r, totals.get(r.id) ?? 0)), nextCursor: rows.length > input.limit ? JSON.stringify([last.name, last.id]) : null };
  },

  async 'charity.saveDonor'(input, ctx) {
    const who = actor(ctx);
    const at = ctx.now().toISOString();
    if (input.disclosure === 'full' && !input.consentOn)
      throw new AppError('charity.no_consent', 'Consent is needed to name the donor', { fields: { consentOn: 'charity.no_consent' } });
    if (input.kind === 'anonymous' && input.disclosure !== 'anonymous')
      throw new AppError('charity.anonymous_disclosure', 'An anonymous donor is not named', { fields: { disclosure: 'charity.anonymous_disclosure' } });
    if (input.residentId && !(await ctx.db.selectFrom('residents').select('id').where('id', '=', input.residentId).executeTakeFirst())) {
      throw new AppError('charity.resident_not_found', 'No such resident', { fields: { residentId: 'charity.resident_not_found' } });
    }
    const before = input.id ? await findDonor(ctx.db, input.id) : undefined;
    const id = before?.id ?? newId();
    const contact =
      input.contact === undefined
        ? { contact_cipher: before?.contact_cipher ?? null, contact_masked: before?.contact_masked ?? '' }
        : input.contact === ''
          ? { contact_cipher: null, contact_masked: '' }
          : { contact_cipher: ctx.secrets.encrypt(input.contact), contact_masked: maskPhone(input.contact) };
    const values = {
      kind: input.kind,
      name: input.name,
      ...contact,
      resident_id: input.residentId,
      disclosure: input.disclosure,
      consent_on: input.consentOn,
      notes: input.notes,
    };
    if (before)
      await ctx.db
        .updateTable('charity_donors')
        .set({ ...values, updated_at: at, updated_by: who.id })
        .where('id', '=', id)
        .execute();
    else
      await ctx.db
        .insertInto('charity_donors')
        .values({ id, ...values, archived: 0, created_at: at, created_by: who.id, updated_at: at, updated_by: who.id })
        .execute();
    const after = toDonor(await findDonor(ctx.db, id));
    await ctx.audit({
      action: 'charity.saveDonor',
      area,
      recordType: 'charity_donor',
      recordId: id,
      summary: after.name,
      before: before && toDonor(before),
      after,
    });
    return after;
  },

  async 'charity.revealDonorContact'(input, ctx) {
    const donor = await findDonor(ctx.db, input.id);
    if (!donor.contact_cipher) throw new AppError('charity.no_contact', 'No contact recorded');
    await ctx.audit({ action: 'charity.revealDonorContact', area, recordType: 'charity_donor', recordId: donor.id, summary: `${donor.name}: ${input.reason}` });
    return { contact: ctx.secrets.decrypt(donor.contact_cipher) };
  },
};
