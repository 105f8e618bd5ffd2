import type { Permission } from '@shared/permissions';
import { useMeetingOptions } from '../council';
import { useServiceOptions, useTicketOptions } from '../hall';

/** How the report centre lists one kind of record for a reference parameter: a hook giving the options. */
export interface ReferenceSource {
  /** Who may list them (the picker says so instead of failing for others). */
  permission: Permission;
  useOptions(): { data: { value: string; label: string }[]; loading: boolean; error: unknown };
}

/**
 * Each kind a report parameter may be marked with in core (`paramReference(schema, 'council.meeting')`),
 * listed by the area that owns the records, through its index. A new kind is one line here.
 */
export const referenceSources: Record<string, ReferenceSource> = {
  'council.meeting': { permission: 'council.read', useOptions: useMeetingOptions },
  'hall.service': { permission: 'hall.read', useOptions: useServiceOptions },
  'hall.ticket': { permission: 'hall.read', useOptions: useTicketOptions },
};
