import { parseIdNumber, type IdNumberResult } from '@shared/values';
import type { DocType } from '@shared/contract/residents';

/** GB 11643 numbers: the mainland card and the HK/Macao/Taiwan residence permit. Other documents are not checked. */
export const checkedDocTypes: DocType[] = ['居民身份证', '港澳台居民居住证'];

export type IdState =
  | { kind: 'empty' }
  /** Editing, and the field still shows the stored (masked) number: it will be kept. */
  | { kind: 'kept' }
  | { kind: 'unchecked' }
  | { kind: 'parsed'; result: IdNumberResult };

export function idState(docType: DocType, text: string, original: string | null, today: string): IdState {
  if (original && text === original) return { kind: 'kept' };
  if (!text.trim()) return { kind: 'empty' };
  if (!checkedDocTypes.includes(docType)) return { kind: 'unchecked' };
  return { kind: 'parsed', result: parseIdNumber(text, { today }) };
}

/** The birth date and gender the number gives, when it gives them. */
export function derivedFromId(state: IdState) {
  return state.kind === 'parsed' && state.result.ok ? state.result.value : null;
}
