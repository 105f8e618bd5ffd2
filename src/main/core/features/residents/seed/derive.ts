import { parseIdNumber } from '../../../../../shared/values/id-number';
import { parsePhone } from '../../../../../shared/values/phone';
import type { FieldCipher } from '../../../crypto/field-cipher';
import { residentColumns, type ResidentColumns, type ResidentFields } from '../prepare';
import { nameKeys } from '../name-keys';

/**
 * The columns `prepareResident` derives, for rows that are valid by construction: the same helpers in the
 * same order (GB 11643 parse, encryption, look-up hash, reversed tail, masks, pinyin keys), without the
 * checks that can only fail on typed input, and with the pinyin of a name computed once per distinct name.
 * tests/unit/residents/seed.test.ts compares every seeded row with `prepareResident`'s output.
 */
export class SeedDeriver {
  private readonly keys = new Map<string, { pinyin: string; initials: string }>();

  constructor(
    private readonly secrets: FieldCipher,
    private readonly today: string,
  ) {}

  columns(fields: ResidentFields): ResidentColumns {
    const name = fields.name.trim();
    let idNumber: string | null = null;
    let birthDate = fields.birthDate;
    let gender = fields.gender;
    let regionCode: string | null = null;
    if (fields.docType === '居民身份证' || fields.docType === '港澳台居民居住证') {
      const parsed = parseIdNumber(fields.idNumber, { today: this.today });
      if (!parsed.ok) throw new Error(`seed: generated an invalid ID number (${parsed.code})`);
      idNumber = parsed.value.number;
      regionCode = parsed.value.regionCode;
      birthDate = parsed.value.birthDate;
      gender = parsed.value.gender;
    } else if (fields.idNumber.trim()) {
      idNumber = fields.idNumber.trim().replace(/\s+/g, '').toUpperCase();
    }
    let phone: string | null = null;
    if (fields.phone.trim()) {
      const parsed = parsePhone(fields.phone);
      if (!parsed.ok) throw new Error('seed: generated an invalid phone number');
      phone = parsed.value.number;
    }
    return residentColumns(fields, { name, idNumber, birthDate, gender, regionCode, phone }, this.secrets, this.nameKeys(name));
  }

  private nameKeys(name: string): { pinyin: string; initials: string } {
    let k = this.keys.get(name);
    if (!k) {
      // Names follow a long tail; a bounded cache keeps memory flat at district scale.
      if (this.keys.size >= 200_000) this.keys.clear();
      k = nameKeys(name);
      this.keys.set(name, k);
    }
    return k;
  }
}

/** Derives the columns of a batch of residents, in order: in this thread, or spread over worker threads. */
export interface BatchDeriver {
  derive(fields: ResidentFields[]): Promise<ResidentColumns[]>;
  close(): Promise<void>;
}

export function inThreadDeriver(deriver: SeedDeriver): BatchDeriver {
  return {
    derive: async (fields) => fields.map((f) => deriver.columns(f)),
    close: async () => {},
  };
}
