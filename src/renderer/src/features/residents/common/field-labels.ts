import type { TFunction } from 'i18next';

/**
 * Field names in the user's language, for places that name a field they only know by its key: history
 * entries, import problems, reveal prompts. Unknown keys return null (the caller shows the key).
 */
export function fieldLabel(t: TFunction, key: string): string | null {
  const labels: Record<string, () => string> = {
    name: () => t('residents.fields.name'),
    formerNames: () => t('residents.fields.formerNames'),
    docType: () => t('residents.fields.docType'),
    idNumber: () => t('residents.fields.idNumber'),
    birthDate: () => t('residents.fields.birthDate'),
    gender: () => t('residents.fields.gender'),
    age: () => t('residents.fields.age'),
    phone: () => t('residents.fields.phone'),
    status: () => t('residents.fields.status'),
    residenceReason: () => t('residents.fields.residenceReason'),
    registeredOn: () => t('residents.fields.registeredOn'),
    permitExpiresOn: () => t('residents.fields.permitExpiresOn'),
    idCardExpiresOn: () => t('residents.fields.idCardExpiresOn'),
    idCardLongTerm: () => t('residents.fields.idCardLongTerm'),
    ethnicity: () => t('residents.fields.ethnicity'),
    education: () => t('residents.fields.education'),
    maritalStatus: () => t('residents.fields.maritalStatus'),
    occupation: () => t('residents.fields.occupation'),
    notes: () => t('residents.fields.notes'),
    note: () => t('residents.actions.note'),
    compound: () => t('residents.place.compound'),
    building: () => t('residents.place.building'),
    unit: () => t('residents.fields.unit'),
    room: () => t('residents.place.room'),
    householdNumber: () => t('residents.household.number'),
    household: () => t('residents.fields.household'),
    house: () => t('residents.fields.house'),
    relationToHead: () => t('residents.fields.relationToHead'),
    tags: () => t('residents.fields.tags'),
    tag: () => t('residents.fields.tags'),
    grid: () => t('residents.fields.grid'),
    address: () => t('residents.fields.address'),
    region: () => t('residents.fields.region'),
    movedInOn: () => t('residents.fields.movedInOn'),
    movedOutOn: () => t('residents.fields.movedOutOn'),
    diedOn: () => t('residents.fields.diedOn'),
    reason: () => t('residents.reveal.reason'),
    unplacedReason: () => t('residents.form.unplacedReason'),
  };
  return labels[key]?.() ?? null;
}
