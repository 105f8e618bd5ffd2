import { blankResidentFields, type ResidentDetail, type ResidentInput, type ResidentValues } from '@shared/contract/residents';

/**
 * What the resident form edits: the contract's input, parsed, less what is held beside the form (the house
 * and household, by their pickers; the acknowledgement of a similar person, by its alert).
 */
export type ResidentFormValues = Omit<ResidentValues, 'houseId' | 'householdId' | 'acknowledgeSimilar'>;

/** A new resident starts from the contract's defaults. */
export const emptyResident: ResidentFormValues = { ...blankResidentFields(), relationToHead: '', movedInOn: null, tagIds: [], unplacedReason: '' };

/**
 * Editing starts from the stored record. The full ID number and phone never reach this screen, so those
 * fields start with the masked values; sent back unchanged, they mean "keep what is stored".
 */
export function fromDetail(r: ResidentDetail): ResidentFormValues {
  return {
    name: r.name,
    formerNames: r.formerNames,
    docType: r.docType,
    idNumber: r.idMasked,
    birthDate: r.birthDate,
    gender: r.gender,
    phone: r.phoneMasked,
    status: r.status,
    residenceReason: r.residenceReason,
    registeredOn: r.registeredOn,
    permitExpiresOn: r.permitExpiresOn,
    idCardExpiresOn: r.idCardExpiresOn,
    idCardLongTerm: r.idCardLongTerm,
    ethnicity: r.ethnicity,
    education: r.education,
    maritalStatus: r.maritalStatus,
    occupation: r.occupation,
    notes: r.notes,
    relationToHead: r.household?.relationToHead ?? '',
    movedInOn: r.movedInOn,
    tagIds: r.tags.map((t) => t.id),
    unplacedReason: r.unplacedReason,
  };
}

export function toInput(v: ResidentFormValues, place: { houseId: string | null; householdId: string | null }, acknowledgeSimilar: boolean): ResidentInput {
  // A household makes the reason for having none moot: it is not sent.
  const unplacedReason = place.householdId ? '' : v.unplacedReason.trim();
  const trimmed = { name: v.name.trim(), idNumber: v.idNumber.trim(), phone: v.phone.trim() };
  return { ...v, ...trimmed, houseId: place.houseId, householdId: place.householdId, acknowledgeSimilar, unplacedReason };
}
