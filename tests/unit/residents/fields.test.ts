import { describe, expect, it } from 'vitest';
import { blankResidentFields, residentFieldNames, residentInput } from '../../../src/shared/contract/residents';
import { pickResidentFields } from '../../../src/main/core/features/residents/prepare';
import { emptyResident } from '../../../src/renderer/src/features/residents/form/form-values';

/** A resident's fields are declared once, in the contract; core and the form take theirs from there. */
describe('resident fields', () => {
  it("a parsed input gives core exactly the person's fields, placement and tags left out", () => {
    const parsed = residentInput.parse({ name: '张三', status: '户籍', houseId: 'h1', tagIds: ['t1'], acknowledgeSimilar: true });
    const fields = pickResidentFields(parsed);
    expect(Object.keys(fields).sort()).toEqual([...residentFieldNames].sort());
    expect(fields).toMatchObject({ name: '张三', status: '户籍', docType: '居民身份证', idNumber: '', birthDate: null });
    expect(fields).not.toHaveProperty('houseId');
  });

  it("a blank record and the empty form start from the contract's defaults", () => {
    const blank = blankResidentFields();
    expect(Object.keys(blank).sort()).toEqual([...residentFieldNames].sort());
    expect(blank).toMatchObject({ name: '', status: '户籍', docType: '居民身份证', phone: '', idCardExpiresOn: null });
    expect(emptyResident).toEqual({ ...blank, relationToHead: '', movedInOn: null, tagIds: [], unplacedReason: '' });
  });
});
