import type { FieldCipher } from '../../../crypto/field-cipher';
import { blankResidentFields } from '../../../../../shared/contract/residents';
import { prepareResident, type ResidentFields } from '../prepare';

export type Prepared = ReturnType<typeof prepareResident>;

/** The fields of a row that gives nothing but its own cells. */
export const blank: ResidentFields = blankResidentFields();

/**
 * The first, registry-free step of planning a row: the row prepared as a new person (validation,
 * encryption, look-up hash, pinyin: the costly part of a row) and the document's look-up hash. It needs
 * the field key but not the database, so a large preview runs it in worker threads (preview-pool.ts).
 */
export interface FirstPass {
  first: Prepared;
  hash: string | null;
}

export function firstPass(given: Partial<ResidentFields>, secrets: FieldCipher, today: string): FirstPass {
  const first = prepareResident({ ...blank, ...given }, secrets, today);
  const hash = first.ok ? first.value.columns.id_hash : first.problems.some((p) => p.field === 'idNumber') ? null : identityHash(given, secrets, today);
  return { first, hash };
}

/** The document's look-up hash on its own, for a row whose other fields have problems. */
function identityHash(given: Partial<ResidentFields>, secrets: FieldCipher, today: string): string | null {
  if (!given.idNumber) return null;
  const probe = prepareResident({ ...blank, name: '-', docType: given.docType ?? '居民身份证', idNumber: given.idNumber }, secrets, today);
  return probe.ok ? probe.value.columns.id_hash : null;
}
