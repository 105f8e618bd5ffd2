import type { DocType, ResidentDetail, ResidentInput, ResidentStatus } from '@shared/contract/residents';

/** What the resident form edits (the house and household are held beside it, by their pickers). */
export interface ResidentFormValues {
  name: string;
  formerNames: string;
  docType: DocType;
  idNumber: string;
  birthDate: string | null;
  gender: 'male' | 'female' | null;
  phone: string;
  status: ResidentStatus;
  residenceReason: string;
  registeredOn: string | null;
  permitExpiresOn: string | null;
  idCardExpiresOn: string | null;
  ethnicity: string;
  education: string;
  maritalStatus: string;
  occupation: string;
  notes: string;
  relationToHead: string;
  movedInOn: string | null;
  tagIds: string[];
}

export const emptyResident: ResidentFormValues = {
  name: '',
  formerNames: '',
  docType: '居民身份证',
  idNumber: '',
  birthDate: null,
  gender: null,
  phone: '',
  status: '户籍',
  residenceReason: '',
  registeredOn: null,
  permitExpiresOn: null,
  idCardExpiresOn: null,
  ethnicity: '',
  education: '',
  maritalStatus: '',
  occupation: '',
  notes: '',
  relationToHead: '',
  movedInOn: null,
  tagIds: [],
};

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
    ethnicity: r.ethnicity,
    education: r.education,
    maritalStatus: r.maritalStatus,
    occupation: r.occupation,
    notes: r.notes,
    relationToHead: r.household?.relationToHead ?? '',
    movedInOn: r.movedInOn,
    tagIds: r.tags.map((t) => t.id),
  };
}

export function toInput(v: ResidentFormValues, place: { houseId: string | null; householdId: string | null }, acknowledgeSimilar: boolean): ResidentInput {
  return { ...v, name: v.name.trim(), idNumber: v.idNumber.trim(), phone: v.phone.trim(), houseId: place.houseId, householdId: place.householdId, acknowledgeSimilar };
}
