import { canBeLongTerm, canHoldLongTermCard, LONG_TERM_CARD_AGE } from '../../../../shared/values/id-card-validity';
import { parseIdNumber } from '../../../../shared/values/id-number';
import { parsePhone } from '../../../../shared/values/phone';
import { maskIdNumber, maskPhone } from '../../../../shared/values/mask';
import { residentFieldNames, type DocType, type ResidentFields } from '../../../../shared/contract/residents';
import type { FieldCipher } from '../../crypto/field-cipher';
import type { ResidentsTable } from '../../db/schema';
import { isRealDate } from '../../time/calendar';
import { nameKeys } from './name-keys';

/** The resident fields a form or an import row supplies: the contract's residentFields, parsed. */
export type { ResidentFields };

/** Just the person's fields of a larger value (a parsed residents.create input, say). */
export function pickResidentFields(values: ResidentFields): ResidentFields {
  return Object.fromEntries(residentFieldNames.map((k) => [k, values[k]])) as unknown as ResidentFields;
}

export interface FieldProblem {
  field: keyof ResidentFields;
  code: string;
  params?: Record<string, string | number>;
}

/** The columns of a resident row that follow from its fields alone (placement and stamps come later). */
export type ResidentColumns = Omit<
  ResidentsTable,
  | 'id'
  | 'household_id'
  | 'relation_to_head'
  | 'grid_id'
  | 'building_id'
  | 'house_id'
  | 'moved_in_on'
  | 'moved_out_on'
  | 'died_on'
  | 'archived'
  | 'created_at'
  | 'created_by'
  | 'updated_at'
  | 'updated_by'
>;

export interface PreparedResident {
  columns: ResidentColumns;
  /** The normalised plain values, for comparison with what is stored. Never stored in clear. */
  idNumber: string | null;
  phone: string | null;
}

export const checkedDocTypes: DocType[] = ['居民身份证', '港澳台居民居住证'];
const dateFields = ['birthDate', 'registeredOn', 'permitExpiresOn', 'idCardExpiresOn'] as const;

/**
 * Validates a resident's fields and derives everything stored beside them: the ID number checked
 * (GB 11643, 15-digit numbers converted) and encrypted with its look-up hash, reversed tail and mask;
 * birth date, gender and region from the number, checked against what the clerk typed; the phone checked,
 * encrypted and masked; pinyin keys of the name. One function for the form and for every import row.
 */
export function prepareResident(
  fields: ResidentFields,
  secrets: FieldCipher,
  today: string,
): { ok: true; value: PreparedResident } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const name = fields.name.trim();
  if (!name) problems.push({ field: 'name', code: 'residents.name_required' });
  for (const f of dateFields) {
    const v = fields[f];
    if (v && !isRealDate(v)) problems.push({ field: f, code: 'contract.date_format' });
  }

  let idNumber: string | null = null;
  let birthDate = fields.birthDate;
  let gender = fields.gender;
  let regionCode: string | null = null;
  const rawId = fields.idNumber.trim();
  if (checkedDocTypes.includes(fields.docType)) {
    const parsed = parseIdNumber(rawId, { today });
    if (!parsed.ok) {
      problems.push({ field: 'idNumber', code: parsed.code });
    } else {
      const v = parsed.value;
      if (fields.docType === '港澳台居民居住证' && v.kind === 'mainland') problems.push({ field: 'idNumber', code: 'id.not_hmt_permit' });
      idNumber = v.number;
      regionCode = v.regionCode;
      if (fields.birthDate && fields.birthDate !== v.birthDate)
        problems.push({ field: 'birthDate', code: 'residents.birth_mismatch', params: { fromId: v.birthDate } });
      if (fields.gender && fields.gender !== v.gender) problems.push({ field: 'gender', code: 'residents.gender_mismatch', params: { fromId: v.gender } });
      birthDate = v.birthDate;
      gender = v.gender;
    }
  } else if (rawId) {
    idNumber = rawId.replace(/\s+/g, '').toUpperCase();
  } else if (fields.docType !== '其他') {
    problems.push({ field: 'idNumber', code: 'id.empty' });
  }
  if (birthDate && birthDate > today) problems.push({ field: 'birthDate', code: 'id.future_birth' });
  problems.push(...longTermProblems(fields, birthDate, today));

  let phone: string | null = null;
  if (fields.phone.trim()) {
    const parsed = parsePhone(fields.phone);
    if (!parsed.ok) problems.push({ field: 'phone', code: parsed.code });
    else phone = parsed.value.number;
  }

  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    value: { idNumber, phone, columns: residentColumns(fields, { name, idNumber, birthDate, gender, regionCode, phone }, secrets, nameKeys(name)) },
  };
}

/**
 * 长期有效 is a 居民身份证's, issued from the age of 46, and has no expiry date: a long-term card with a
 * date, on another document, or held by someone under 46 is a mistake to fix, not to store.
 */
function longTermProblems(fields: ResidentFields, birthDate: string | null, today: string): FieldProblem[] {
  if (!fields.idCardLongTerm) return [];
  if (fields.idCardExpiresOn) return [{ field: 'idCardExpiresOn', code: 'residents.long_term_with_date' }];
  if (!canBeLongTerm(fields.docType)) return [{ field: 'idCardLongTerm', code: 'residents.long_term_not_id_card' }];
  if (birthDate && !canHoldLongTermCard(birthDate, today))
    return [{ field: 'idCardLongTerm', code: 'residents.long_term_too_young', params: { age: LONG_TERM_CARD_AGE } }];
  return [];
}

/** What checking a resident's fields settled: the normalised numbers and what the ID number says. */
export interface SettledFields {
  name: string;
  idNumber: string | null;
  birthDate: string | null;
  gender: 'male' | 'female' | null;
  regionCode: string | null;
  phone: string | null;
}

/**
 * The stored columns for settled fields: encrypted numbers with their look-up hash, reversed tail and
 * masks, pinyin keys, and the plain fields trimmed. One builder for forms, imports and the seed, so every
 * path stores a resident the same way.
 */
export function residentColumns(
  fields: ResidentFields,
  settled: SettledFields,
  secrets: FieldCipher,
  keys: { pinyin: string; initials: string },
): ResidentColumns {
  const { idNumber, phone } = settled;
  return {
    name: settled.name,
    former_names: fields.formerNames.trim(),
    name_pinyin: keys.pinyin,
    name_initials: keys.initials,
    doc_type: fields.docType,
    id_cipher: idNumber ? secrets.encrypt(idNumber) : null,
    id_hash: idNumber ? idLookupHash(secrets, fields.docType, idNumber) : null,
    // Reversed, so that "ends with" becomes an index range scan ("starts with").
    id_tail_rev: idNumber ? [...idNumber.slice(-6)].reverse().join('') : '',
    id_masked: idNumber ? maskIdNumber(idNumber) : '',
    birth_date: settled.birthDate,
    gender: settled.gender,
    region_code: settled.regionCode,
    phone_cipher: phone ? secrets.encrypt(phone) : null,
    phone_last4: phone ? phone.replace(/\D/g, '').slice(-4) : '',
    phone_masked: phone ? maskPhone(phone) : '',
    status: fields.status,
    residence_reason: fields.residenceReason.trim(),
    registered_on: fields.registeredOn,
    permit_expires_on: fields.permitExpiresOn,
    id_card_expires_on: fields.idCardExpiresOn,
    id_card_long_term: fields.idCardLongTerm ? 1 : 0,
    ethnicity: fields.ethnicity.trim(),
    education: fields.education.trim(),
    marital_status: fields.maritalStatus.trim(),
    occupation: fields.occupation.trim(),
    notes: fields.notes,
  };
}

/**
 * The look-up hash for a document number as `prepareResident` stores it. GB 11643 numbers (身份证 and
 * 港澳台居住证) share one space: the same number under either type is the same person. Other documents
 * are unique only within their type.
 */
export function idLookupHash(secrets: FieldCipher, docType: DocType, normalisedNumber: string): string {
  return secrets.lookupHash(checkedDocTypes.includes(docType) ? `gb:${normalisedNumber}` : `${docType}:${normalisedNumber}`);
}
