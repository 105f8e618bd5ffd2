import type { charity } from '../../../../shared/contract/charity';
import type { HandlerMap } from '../../context';
import { aidHandlers } from './aid';
import { campaignsHandlers } from './campaigns';
import { donationsHandlers } from './donations-handlers';
import { donorsHandlers } from './donors';
import { ledgerHandlers } from './ledger-handlers';
import { noticesHandlers } from './notices';
import { noticeExportHandlers } from './notice-export';
import { receiptsHandlers } from './receipts-handlers';

/** Every charity method. */
export const charityHandlers: HandlerMap<keyof typeof charity> = {
  ...ledgerHandlers,
  ...donorsHandlers,
  ...campaignsHandlers,
  ...donationsHandlers,
  ...receiptsHandlers,
  ...aidHandlers,
  ...noticesHandlers,
  ...noticeExportHandlers,
};
