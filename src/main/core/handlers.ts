import type { MethodName } from '../../shared/contract';
import type { HandlerMap } from './context';
import { authHandlers } from './auth/handlers';
import { usersHandlers } from './auth/users-handlers';
import { communityHandlers } from './community/handlers';
import { auditHandlers } from './audit/handlers';
import { backupsHandlers } from './backup/handlers';
import { reportsHandlers } from './reports/handlers';
import { jobsHandlers } from './jobs/handlers';
import { areaModules, type AreaMethodName } from './areas';

/** The foundation's handlers; the areas' come from the one list in areas.ts. */
const foundationHandlers = {
  ...authHandlers,
  ...usersHandlers,
  ...communityHandlers,
  ...auditHandlers,
  ...backupsHandlers,
  ...reportsHandlers,
  ...jobsHandlers,
};

// A contract method that neither the foundation nor an area handles is a compile error naming it.
type Unhandled = Exclude<MethodName, keyof typeof foundationHandlers | AreaMethodName>;
const everyMethodHandled: [Unhandled] extends [never] ? true : Unhandled = true;
void everyMethodHandled;

/** Every method's handler. */
export const handlers = Object.assign({}, foundationHandlers, ...areaModules.map((a) => a.handlers)) as HandlerMap<MethodName>;
