import type { MethodName } from '../../shared/contract';
import type { HandlerMap } from './context';
import { authHandlers } from './auth/handlers';
import { usersHandlers } from './auth/users-handlers';
import { communityHandlers } from './features/community/handlers';
import { auditHandlers } from './audit/handlers';
import { backupsHandlers } from './backup/handlers';
import { reportsHandlers } from './reports/handlers';
import { residentsHandlers } from './features/residents/handlers';
import { importHandlers } from './features/residents/import/handlers';
import { charityHandlers } from './features/charity/handlers';

/** Every method's handler; the type makes a method without a handler a compile error. */
export const handlers: HandlerMap<MethodName> = {
  ...authHandlers,
  ...usersHandlers,
  ...communityHandlers,
  ...auditHandlers,
  ...backupsHandlers,
  ...reportsHandlers,
  ...residentsHandlers,
  ...importHandlers,
  ...charityHandlers,
};
