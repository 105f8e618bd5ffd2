import type { Kysely } from 'kysely';
import type { Database, CommunityProfileTable } from '../db/schema';
import type { CommunityProfile } from '../../../shared/contract/community';
import { newId } from '../util/ids';

export interface ProfileFields {
  communityName: string;
  streetOffice: string;
  unitName: string;
  address: string;
  servicePhone: string;
  complaintPhone: string;
  sealImage: string | null;
}

export function toProfile(row: CommunityProfileTable): CommunityProfile {
  return {
    communityName: row.community_name,
    streetOffice: row.street_office,
    unitName: row.unit_name,
    address: row.address,
    servicePhone: row.service_phone,
    complaintPhone: row.complaint_phone,
    sealImage: row.seal_image,
    updatedAt: row.updated_at,
  };
}

export async function findProfile(db: Kysely<Database>): Promise<CommunityProfileTable | undefined> {
  return db.selectFrom('community_profile').selectAll().orderBy('created_at').limit(1).executeTakeFirst();
}

/** One profile per file: inserted at setup, updated in place afterwards (the audit keeps the history). */
export async function saveProfile(db: Kysely<Database>, fields: ProfileFields, at: string, by: string | null): Promise<CommunityProfileTable> {
  const columns = {
    community_name: fields.communityName,
    street_office: fields.streetOffice,
    unit_name: fields.unitName,
    address: fields.address,
    service_phone: fields.servicePhone,
    complaint_phone: fields.complaintPhone,
    seal_image: fields.sealImage,
    updated_at: at,
    updated_by: by,
  };
  const existing = await findProfile(db);
  if (existing) {
    await db.updateTable('community_profile').set(columns).where('id', '=', existing.id).execute();
  } else {
    await db
      .insertInto('community_profile')
      .values({ id: newId(), created_at: at, created_by: by, ...columns })
      .execute();
  }
  return (await findProfile(db))!;
}
