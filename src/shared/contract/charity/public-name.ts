import { maskName } from '../../values/mask';
import type { Disclosure } from './common';

/** What a public output needs to know about a donor to name them. */
export interface NameableDonor {
  name: string;
  kind: string;
  /** The date the donor agreed to be named in public, or null. */
  consentOn: string | null;
  disclosure: Disclosure;
}

/**
 * The name a public notice prints for a donation (公益事业捐赠法 第8条, 慈善法 第82条): the full name only
 * with the donor's consent on record, else never more than the masked surname. These are the notice's own
 * words (it is printed in Chinese), shared by the core that prints it and the screen that previews it.
 */
export function publicDonorName(donor: NameableDonor | null, override: Disclosure | null = null): string {
  // An unregistered or anonymous donor has no name to print: 爱心人士 when the line asks for it, else 匿名.
  if (!donor || donor.kind === 'anonymous') return override === 'caring' ? '爱心人士' : '匿名';
  const disclosure = override ?? donor.disclosure;
  if (disclosure === 'full' && donor.consentOn) return donor.name;
  if (disclosure === 'anonymous') return '匿名';
  if (disclosure === 'caring') return '爱心人士';
  return maskName(donor.name);
}
