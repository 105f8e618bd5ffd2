import { contract, areaOf, type Area, type MethodName } from '../../shared/contract';
import type { PushEvent } from '../../shared/contract/events';
import type { Permission } from '../../shared/permissions';

/** What a session may read of an area: any of the area's read methods it may call. */
function mayReadArea(area: Area, permissions: ReadonlySet<Permission>): boolean {
  for (const name of Object.keys(contract) as MethodName[]) {
    if (areaOf(name) !== area) continue;
    const spec = contract[name] as { access: string; writes: boolean };
    if (spec.writes) continue;
    if (spec.access === 'public' || spec.access === 'session' || permissions.has(spec.access as Permission)) return true;
  }
  return false;
}

/** Whether a push event may go to this signed-in session. */
export function eventFor(event: PushEvent, session: string, permissions: ReadonlySet<Permission>): boolean {
  if (event.sessionToken) return event.sessionToken === session;
  if (event.name === 'data.changed') return mayReadArea((event.payload as { area: Area }).area, permissions);
  if (event.name === 'backup.started' || event.name === 'backup.finished') return mayReadArea('backups', permissions);
  // Job events always name their session; one without is nobody's.
  return false;
}
