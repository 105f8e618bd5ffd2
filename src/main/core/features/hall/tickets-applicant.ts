import { AppError } from '../../../../shared/errors';
import { parseIdNumber } from '../../../../shared/values/id-number';
import { parsePhone } from '../../../../shared/values/phone';
import { maskIdNumber, maskPhone } from '../../../../shared/values/mask';
import { stripSpaces, toHalfWidth } from '../../../../shared/values/normalize';
import type { TicketDesk } from './tickets-desk';

/** The applicant as a ticket stores them: the name, and the ID number and phone encrypted, with their masks. */
export interface ApplicantColumns {
  resident_id: string | null;
  applicant_name: string;
  applicant_id_cipher: string | null;
  applicant_id_masked: string;
  applicant_phone_cipher: string | null;
  applicant_phone_masked: string;
}

/** 18 characters (17 digits and a check character) or a legacy 15-digit number: checked as the registry checks a 居民身份证. */
const LOOKS_LIKE_ID_CARD = /^(\d{15}|\d{17}[\dX])$/;

/**
 * The ID number as it will be stored: a 居民身份证 number (or what looks like one) is checked per GB 11643
 * and stored in its 18-digit form; anything else (a passport, a foreigner's permit) as typed, without spaces.
 */
export function checkedIdNumber(raw: string, today: string): string {
  const compact = stripSpaces(toHalfWidth(raw)).toUpperCase();
  if (!LOOKS_LIKE_ID_CARD.test(compact)) return compact;
  const parsed = parseIdNumber(compact, { today });
  if (!parsed.ok) throw new AppError(parsed.code, 'The ID number is not valid', { fields: { applicantIdNumber: parsed.code } });
  return parsed.value.number;
}

export function checkedPhone(raw: string): string {
  const parsed = parsePhone(raw);
  if (!parsed.ok) throw new AppError(parsed.code, 'The phone number is not valid', { fields: { applicantPhone: parsed.code } });
  return parsed.value.number;
}

/**
 * Who applies. A resident of the registry must exist and not be archived; the ticket then carries their
 * name, and their ID number and phone unless others were given at the counter (the registry's encrypted
 * values are copied as they are). A walk-in's are checked, encrypted and masked here. Nothing is kept in
 * clear.
 */
export async function applicantColumns(
  desk: TicketDesk,
  input: { residentId: string | null; applicantName: string; applicantIdNumber: string; applicantPhone: string },
): Promise<ApplicantColumns> {
  const idNumber = input.applicantIdNumber.trim() ? checkedIdNumber(input.applicantIdNumber, desk.today) : '';
  const phone = input.applicantPhone.trim() ? checkedPhone(input.applicantPhone) : '';
  const typed = {
    applicant_id_cipher: idNumber ? desk.secrets.encrypt(idNumber) : null,
    applicant_id_masked: idNumber ? maskIdNumber(idNumber) : '',
    applicant_phone_cipher: phone ? desk.secrets.encrypt(phone) : null,
    applicant_phone_masked: phone ? maskPhone(phone) : '',
  };
  if (!input.residentId) return { resident_id: null, applicant_name: input.applicantName, ...typed };

  const resident = await desk.db
    .selectFrom('residents')
    .select(['id', 'name', 'archived', 'id_cipher', 'id_masked', 'phone_cipher', 'phone_masked'])
    .where('id', '=', input.residentId)
    .executeTakeFirst();
  if (!resident) throw new AppError('hall.resident_not_found', 'No such resident', { fields: { residentId: 'hall.resident_not_found' } });
  if (resident.archived === 1) throw new AppError('hall.resident_archived', 'The resident is archived', { fields: { residentId: 'hall.resident_archived' } });
  return {
    resident_id: resident.id,
    applicant_name: resident.name,
    applicant_id_cipher: idNumber ? typed.applicant_id_cipher : resident.id_cipher,
    applicant_id_masked: idNumber ? typed.applicant_id_masked : resident.id_cipher ? resident.id_masked : '',
    applicant_phone_cipher: phone ? typed.applicant_phone_cipher : resident.phone_cipher,
    applicant_phone_masked: phone ? typed.applicant_phone_masked : resident.phone_cipher ? resident.phone_masked : '',
  };
}
