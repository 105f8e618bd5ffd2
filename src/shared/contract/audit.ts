import { z } from 'zod';
import { method, returns } from './define';

export interface AuditEntry {
  seq: number;
  at: string;
  actorName: string | null;
  action: string;
  area: string;
  recordType: string | null;
  recordId: string | null;
  summary: string | null;
  before: unknown;
  after: unknown;
}
export interface AuditPage {
  entries: AuditEntry[];
  /** Pass back as `beforeSeq` for the next (older) page; null when there is none. */
  nextBeforeSeq: number | null;
  total: number;
}
/** Someone who appears in the audit trail, under the name they last acted with. */
export interface AuditActor {
  id: string;
  name: string;
}
export interface ChainCheck {
  chain: string;
  ok: boolean;
  count: number;
  head: string | null;
  firstBroken: { seq: number; reason: string } | null;
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'contract.date_format');

export const auditFilter = z.object({
  userId: z.string().optional(),
  area: z.string().optional(),
  recordId: z.string().optional(),
  action: z.string().optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type AuditFilter = z.infer<typeof auditFilter>;

export const audit = {
  'audit.list': method(
    {
      input: auditFilter.extend({ beforeSeq: z.number().int().positive().optional(), limit: z.number().int().min(1).max(200).default(50) }),
      access: 'audit.read',
      writes: false,
    },
    returns<AuditPage>(),
  ),
  'audit.actors': method({ input: z.object({}), access: 'audit.read', writes: false }, returns<AuditActor[]>()),
  'audit.areas': method({ input: z.object({}), access: 'audit.read', writes: false }, returns<string[]>()),
  'audit.verify': method({ input: z.object({}), access: 'audit.read', writes: false }, returns<ChainCheck[]>()),
};
