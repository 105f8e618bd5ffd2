import { AppError, ErrorCodes } from '../../../../../shared/errors';
import type { FieldCipher } from '../../../crypto/field-cipher';
import type { ResidentsTable } from '../../../db/schema';
import { pickResidentFields, prepareResident, type PreparedResident, type ResidentFields } from '../prepare';
import type { ParsedInputOf } from '../../../../../shared/contract/define';
import type { people } from '../../../../../shared/contract/residents/people';

export type ResidentInputParsed = ParsedInputOf<(typeof people)['residents.create']>;

/**
 * The form's fields for `prepareResident`. On an edit the screen never had the full numbers, so it sends
 * the masked values back; those mean "keep what is stored" and are replaced by the stored number here.
 */
export function fieldsFromInput(input: ResidentInputParsed, secrets: FieldCipher, stored?: ResidentsTable): ResidentFields {
  let idNumber = input.idNumber;
  let phone = input.phone;
  if (stored?.id_cipher && stored.id_masked && idNumber === stored.id_masked) idNumber = secrets.decrypt(stored.id_cipher);
  if (stored?.phone_cipher && stored.phone_masked && phone === stored.phone_masked) phone = secrets.decrypt(stored.phone_cipher);
  return { ...pickResidentFields(input), idNumber, phone };
}

/** Validates and derives, or throws contract.invalid_input with a code per field and their params. */
export function prepareOrThrow(fields: ResidentFields, secrets: FieldCipher, today: string): PreparedResident {
  const result = prepareResident(fields, secrets, today);
  if (result.ok) return result.value;
  const errors: Record<string, string> = {};
  const params: Record<string, string | number> = {};
  for (const p of result.problems) {
    errors[p.field] ??= p.code;
    Object.assign(params, p.params ?? {});
  }
  throw new AppError(ErrorCodes.invalidInput, 'The input is not valid', { fields: errors, params });
}
