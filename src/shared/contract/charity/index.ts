import { ledger } from './ledger';
import { donations } from './donations';
import { aid } from './aid';
import { noticeExports, notices } from './notices';

/** The charity ledger (慈善帮扶): every method, one map the contract spreads. */
export const charity = { ...ledger, ...donations, ...aid, ...notices, ...noticeExports };
