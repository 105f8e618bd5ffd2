import type { Kysely } from 'kysely';
import type { DocType } from '../../../../../shared/contract/residents';
import { parseIdNumber } from '../../../../../shared/values/id-number';
import type { FieldCipher } from '../../../crypto/field-cipher';
import type { Database } from '../../../db/schema';
import { checkedDocTypes, idLookupHash } from '../prepare';

/**
 * Who holds a document number already, for the form to say so as the number is typed (a save would refuse
 * it with residents.duplicate_id): the number normalised as prepareResident stores it, looked up by its
 * keyed hash (the unique index). A number that is not valid has no owner: the form shows why it is not.
 */
export async function idOwner(
  db: Kysely<Database>,
  secrets: FieldCipher,
  input: { docType: DocType; idNumber: string; exceptId?: string },
  today: string,
): Promise<{ id: string; name: string; archived: boolean } | null> {
  let number: string;
  if (checkedDocTypes.includes(input.docType)) {
    const parsed = parseIdNumber(input.idNumber, { today });
    if (!parsed.ok) return null;
    number = parsed.value.number;
  } else {
    number = input.idNumber.replace(/\s+/g, '').toUpperCase();
  }
  let q = db
    .selectFrom('residents')
    .select(['id', 'name', 'archived'])
    .where('id_hash', '=', idLookupHash(secrets, input.docType, number));
  if (input.exceptId) q = q.where('id', '!=', input.exceptId);
  const row = await q.executeTakeFirst();
  return row ? { id: row.id, name: row.name, archived: row.archived === 1 } : null;
}
