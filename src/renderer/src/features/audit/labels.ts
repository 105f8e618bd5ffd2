import type { TFunction } from 'i18next';
import i18n from 'i18next';
import { translatedOr } from '../../i18n/labels';
export { areaLabel } from '../../i18n/labels';

/** `auditActions.<action>` when the locale names it, else the action's code as recorded. */
export function actionLabel(t: TFunction, action: string): string {
  return translatedOr(t, `auditActions.${action}`, action);
}

export function recordTypeLabel(t: TFunction, type: string): string {
  return translatedOr(t, `recordTypes.${type}`, type);
}

export function fieldLabel(t: TFunction, field: string): string {
  return translatedOr(t, `audit.fields.${field}`, field);
}

/** A hash chain's name: the audit trail now, the charity ledger's journal later. */
export function chainLabel(t: TFunction, chain: string): string {
  return translatedOr(t, `audit.chains.${chain}`, chain);
}

/** Why a chain broke: the verdict's code (`hash_mismatch`, …) as the shared locale words it. */
export function chainReasonLabel(t: TFunction, reason: string): string {
  return translatedOr(t, `chains.reasons.${reason}`, reason);
}

/** Every action the locale names (`auth.login`, …): suggestions for the action filter. */
export function knownActions(): string[] {
  const tree = i18n.getResource(i18n.language, 'translation', 'auditActions') as Record<string, Record<string, string>> | undefined;
  if (!tree) return [];
  return Object.entries(tree).flatMap(([area, actions]) => Object.keys(actions).map((a) => `${area}.${a}`));
}
