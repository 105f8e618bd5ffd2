import { z } from 'zod';
import { method, returns } from '../define';
import { cursor, id, isoDate, pageLimit, type Page, type TagRef } from './common';

export const visitOutcomes = ['met', 'nobody_home', 'refused'] as const;

/** 四清: 家庭情况清、人员类别清、区域设施清、隐患矛盾清. */
export const fourClearChecklist = z.object({
  family: z.boolean().default(false),
  category: z.boolean().default(false),
  facilities: z.boolean().default(false),
  hazards: z.boolean().default(false),
});

export interface Visit {
  id: string;
  householdId: string;
  visitedOn: string;
  visitorName: string;
  outcome: (typeof visitOutcomes)[number];
  checklist: z.infer<typeof fourClearChecklist>;
  notes: string;
  followUp: boolean;
  followUpNote: string;
  createdAt: string;
}

export interface DueHousehold {
  householdId: string;
  number: string;
  address: string;
  headName: string | null;
  gridName: string | null;
  workerName: string | null;
  lastVisitOn: string | null;
  nextVisitDue: string;
  /** > 0 when overdue. */
  daysOverdue: number;
  intervalDays: number;
}

export interface VisitPolicyRow {
  kind: 'tag' | 'status' | 'default';
  match: string;
  intervalDays: number;
}

export interface Tag extends TagRef {
  sort: number;
  residentCount: number;
}

export const visits = {
  'residents.recordVisit': method(
    {
      input: z.object({
        householdId: id,
        visitedOn: isoDate,
        outcome: z.enum(visitOutcomes),
        checklist: fourClearChecklist.default({ family: false, category: false, facilities: false, hazards: false }),
        notes: z.string().max(2000).default(''),
        followUp: z.boolean().default(false),
        followUpNote: z.string().max(500).default(''),
      }),
      access: 'residents.visit',
      writes: true,
    },
    returns<{ visit: Visit; nextVisitDue: string }>(),
  ),
  'residents.listVisits': method({ input: z.object({ householdId: id }), access: 'residents.read', writes: false }, returns<Visit[]>()),
  /** A grid worker's due and overdue households (mine = the grids whose worker is the signed-in user), with how many in all. */
  'residents.visitsDue': method(
    {
      input: z.object({
        gridId: id.optional(),
        mine: z.boolean().default(false),
        overdueOnly: z.boolean().default(false),
        withinDays: z.number().int().min(0).max(366).default(14),
        cursor,
        limit: pageLimit,
      }),
      access: 'residents.read',
      writes: false,
    },
    returns<Page<DueHousehold> & { total: number }>(),
  ),
  'residents.visitPolicy': method({ input: z.object({}), access: 'residents.read', writes: false }, returns<VisitPolicyRow[]>()),
  'residents.saveVisitPolicy': method(
    {
      input: z.object({
        rows: z
          .array(
            z.object({ kind: z.enum(['tag', 'status', 'default']), match: z.string().trim().min(1).max(20), intervalDays: z.number().int().min(1).max(730) }),
          )
          .min(1),
      }),
      access: 'residents.places',
      writes: true,
    },
    returns<VisitPolicyRow[]>(),
  ),
  'residents.listTags': method({ input: z.object({}), access: 'residents.read', writes: false }, returns<Tag[]>()),
  'residents.saveTag': method(
    {
      input: z.object({
        id: id.optional(),
        name: z.string().trim().min(1).max(12),
        colour: z.string().trim().min(1).max(20),
        sort: z.number().int().default(0),
      }),
      access: 'residents.places',
      writes: true,
    },
    returns<Tag>(),
  ),
  'residents.codeLists': method({ input: z.object({}), access: 'residents.read', writes: false }, returns<Record<string, { code: string; label: string }[]>>()),
  'residents.saveCodeList': method(
    {
      input: z.object({ list: z.string().min(1).max(30), labels: z.array(z.string().trim().min(1).max(20)).min(1).max(200) }),
      access: 'residents.places',
      writes: true,
    },
    returns<{ code: string; label: string }[]>(),
  ),
};
