import type { TFunction } from 'i18next';
import type { BuildingCell, DocType, House, Household, ImportPreviewRow, ResidentEvent, ResidentStatus, Visit } from '@shared/contract/residents';

/*
 * The registry's terms of art in the user's language. The contract's values are Chinese words (户籍,
 * 出租 …); the locale files use plain keys for them, and every key is written out here in full so that
 * the i18n test can see each one is used.
 */

export function statusLabel(t: TFunction, s: ResidentStatus): string {
  switch (s) {
    case '户籍':
      return t('residents.status.registered');
    case '居住证':
      return t('residents.status.permit');
    case '流动人口':
      return t('residents.status.floating');
  }
}

/** 户籍 blue, 居住证 teal, 流动人口 cyan: the three populations the registry counts separately. */
export const statusColour: Record<ResidentStatus, string> = { 户籍: 'blue', 居住证: 'teal', 流动人口: 'cyan' };

export const isRegistered = (s: ResidentStatus) => s === '户籍';
export const isPermitHolder = (s: ResidentStatus) => s === '居住证';

export function docTypeLabel(t: TFunction, d: DocType): string {
  switch (d) {
    case '居民身份证':
      return t('residents.docType.idCard');
    case '港澳台居民居住证':
      return t('residents.docType.hmtPermit');
    case '外国人永久居留证':
      return t('residents.docType.foreignerPermanent');
    case '护照':
      return t('residents.docType.passport');
    case '其他':
      return t('residents.docType.other');
  }
}

/** 其他: no number is required. */
export const isOtherDocument = (d: DocType) => d === '其他';

export function houseUseLabel(t: TFunction, u: House['use']): string {
  switch (u) {
    case '自住':
      return t('residents.house.uses.ownerOccupied');
    case '出租':
      return t('residents.house.uses.rented');
    case '空置':
      return t('residents.house.uses.vacant');
    case '商用':
      return t('residents.house.uses.business');
  }
}

export const houseUseColour: Record<House['use'], string> = { 自住: 'teal', 出租: 'orange', 空置: 'gray', 商用: 'violet' };
export const isRented = (u: House['use']) => u === '出租';

export function residenceRelationLabel(t: TFunction, r: Household['residenceRelation']): string {
  switch (r) {
    case '人户一致':
      return t('residents.household.relation.same');
    case '人在户不在':
      return t('residents.household.relation.livesElsewhereRegistered');
    case '户在人不在':
      return t('residents.household.relation.registeredLivesElsewhere');
  }
}

export function genderLabel(t: TFunction, gender: 'male' | 'female' | null | undefined): string {
  if (gender === 'male') return t('residents.gender.male');
  if (gender === 'female') return t('residents.gender.female');
  return t('residents.common.unknown');
}

export function outcomeLabel(t: TFunction, o: Visit['outcome']): string {
  switch (o) {
    case 'met':
      return t('residents.visits.outcome.met');
    case 'nobody_home':
      return t('residents.visits.outcome.nobodyHome');
    case 'refused':
      return t('residents.visits.outcome.refused');
  }
}

export function checklistLabel(t: TFunction, k: keyof Visit['checklist']): string {
  switch (k) {
    case 'family':
      return t('residents.visits.checklist.family');
    case 'category':
      return t('residents.visits.checklist.category');
    case 'facilities':
      return t('residents.visits.checklist.facilities');
    case 'hazards':
      return t('residents.visits.checklist.hazards');
  }
}

export function cellStateLabel(t: TFunction, s: BuildingCell['state']): string {
  switch (s) {
    case 'occupied':
      return t('residents.buildings.state.occupied');
    case 'rented':
      return t('residents.buildings.state.rented');
    case 'vacant':
      return t('residents.buildings.state.vacant');
    case 'business':
      return t('residents.buildings.state.business');
  }
}

export function importActionLabel(t: TFunction, a: ImportPreviewRow['action']): string {
  switch (a) {
    case 'add':
      return t('residents.import.count.add');
    case 'update':
      return t('residents.import.count.update');
    case 'unchanged':
      return t('residents.import.count.unchanged');
    case 'reject':
      return t('residents.import.count.reject');
  }
}

export function eventKindLabel(t: TFunction, k: ResidentEvent['kind']): string {
  switch (k) {
    case 'created':
      return t('residents.timeline.kind.created');
    case 'updated':
      return t('residents.timeline.kind.updated');
    case 'moved_in':
      return t('residents.timeline.kind.movedIn');
    case 'moved_out':
      return t('residents.timeline.kind.movedOut');
    case 'died':
      return t('residents.timeline.kind.died');
    case 'household_changed':
      return t('residents.timeline.kind.householdChanged');
    case 'archived':
      return t('residents.timeline.kind.archived');
    case 'restored':
      return t('residents.timeline.kind.restored');
    case 'tagged':
      return t('residents.timeline.kind.tagged');
    case 'untagged':
      return t('residents.timeline.kind.untagged');
    case 'imported':
      return t('residents.timeline.kind.imported');
  }
}

/** Why a search hit matched; an unknown reason (core may add some) is shown as it came. */
export function matchedByLabel(t: TFunction, m: string): string {
  const labels: Record<string, () => string> = {
    name: () => t('residents.search.matchedBy.name'),
    pinyin: () => t('residents.search.matchedBy.pinyin'),
    initials: () => t('residents.search.matchedBy.initials'),
    id: () => t('residents.search.matchedBy.id'),
    id_suffix: () => t('residents.search.matchedBy.idSuffix'),
    phone_suffix: () => t('residents.search.matchedBy.phoneSuffix'),
    phone: () => t('residents.search.matchedBy.phone'),
    address: () => t('residents.search.matchedBy.address'),
    household: () => t('residents.search.matchedBy.household'),
    household_prefix: () => t('residents.search.matchedBy.householdPrefix'),
  };
  return labels[m]?.() ?? m;
}

export const tagColours = ['red', 'orange', 'yellow', 'lime', 'green', 'teal', 'cyan', 'blue', 'indigo', 'violet', 'grape', 'pink', 'gray', 'dark'] as const;

export function colourLabel(t: TFunction, c: string): string {
  const labels: Record<string, () => string> = {
    red: () => t('residents.colours.red'),
    orange: () => t('residents.colours.orange'),
    yellow: () => t('residents.colours.yellow'),
    lime: () => t('residents.colours.lime'),
    green: () => t('residents.colours.green'),
    teal: () => t('residents.colours.teal'),
    cyan: () => t('residents.colours.cyan'),
    blue: () => t('residents.colours.blue'),
    indigo: () => t('residents.colours.indigo'),
    violet: () => t('residents.colours.violet'),
    grape: () => t('residents.colours.grape'),
    pink: () => t('residents.colours.pink'),
    gray: () => t('residents.colours.gray'),
    dark: () => t('residents.colours.dark'),
  };
  return labels[c]?.() ?? c;
}

/** "110105（北京市）" / "110105 (Beijing)". */
export function withNote(t: TFunction, main: string, note: string | null | undefined): string {
  return note ? t('residents.common.withNote', { main, note }) : main;
}

export const codeLists = ['ethnicity', 'education', 'marital_status', 'occupation', 'residence_reason', 'relation_to_head'] as const;

export function codeListLabel(t: TFunction, list: string): string {
  const labels: Record<string, () => string> = {
    ethnicity: () => t('residents.fields.ethnicity'),
    education: () => t('residents.fields.education'),
    marital_status: () => t('residents.fields.maritalStatus'),
    occupation: () => t('residents.fields.occupation'),
    residence_reason: () => t('residents.fields.residenceReason'),
    relation_to_head: () => t('residents.fields.relationToHead'),
  };
  return labels[list]?.() ?? list;
}
