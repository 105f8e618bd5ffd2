import { z } from 'zod';
import { method, returns } from '../define';
import { aidKinds, aidStatuses, cursor, fen, id, pageLimit, paymentMethods, text, type Page } from './common';

export interface AidApplication {
  id: string;
  number: string;
  residentId: string;
  householdId: string | null;
  /** Full name for staff screens; public outputs mask it. */
  recipientName: string;
  kind: (typeof aidKinds)[number];
  fundCode: string;
  amountFen: number;
  items: { item: string; unit: string; quantity: number }[];
  reason: string;
  status: (typeof aidStatuses)[number];
  visitNote: string | null;
  /** The council's resolution the review cites (its id), and its number as shown and printed (居议〔2026〕3号). */
  councilResolutionId: string | null;
  councilResolutionNo: string | null;
  createdAt: string;
  createdBy: string;
  createdByName: string;
  decidedByName: string | null;
  decisionNote: string | null;
  paymentMethod: (typeof paymentMethods)[number] | null;
  entrySeq: number | null;
  acknowledgement: string | null;
  evidence: { id: string; fileName: string; size: number; sha256: string }[];
}

/** A council resolution as an aid review cites it: its number, the meeting's date and the motion's title. */
export interface CitableResolution {
  id: string;
  number: string;
  heldOn: string;
  title: string;
}

/** An evidence file handed to the user (as exports are): the job that delivers it. */
export interface EvidenceOpened {
  jobId: string;
}

/** What the approver sees beside the application (duplicate-aid check and the fund's money). */
export interface AidReview {
  application: AidApplication;
  fundBalanceFen: number;
  /** The resident's tags that mean other assistance (低保, 特困 …). */
  assistanceTags: string[];
  /** This year's earlier disbursements to the same household. */
  earlierThisYear: { number: string; recipientName: string; kind: string; amountFen: number; paidAt: string | null; status: string }[];
  /** Whether the signed-in user may decide it (not the person who recorded it). */
  canDecide: boolean;
}

const itemInput = z.object({
  item: text(40).min(1, 'charity.item_required'),
  unit: text(10).min(1, 'charity.item_required'),
  quantity: z.number().int().min(1).max(100_000),
});

export const aid = {
  'charity.fileApplication': method(
    {
      input: z.object({
        residentId: id,
        kind: z.enum(aidKinds),
        fundCode: z.string().min(1),
        amountFen: fen.default(0),
        items: z.array(itemInput).max(20).default([]),
        reason: text(500).min(4, 'charity.reason_required'),
      }),
      access: 'charity.apply',
      writes: true,
    },
    returns<AidApplication>(),
  ),
  'charity.addEvidence': method(
    {
      input: z.object({
        applicationId: id,
        fileName: text(120).min(1),
        mime: text(80).default('application/octet-stream'),
        base64: z.string().min(1).max(14_000_000, 'charity.file_too_large'),
      }),
      access: 'charity.apply',
      writes: true,
    },
    returns<AidApplication>(),
  ),
  'charity.reviewApplication': method(
    {
      input: z.object({
        id,
        visitId: id.nullable().default(null),
        visitNote: text(500).min(2, 'charity.visit_required'),
        /** The council's resolution picked from its list (charity.citableResolutions); its number is stored beside it. */
        councilResolutionId: id.nullable().default(null),
      }),
      access: 'charity.apply',
      writes: true,
    },
    returns<AidApplication>(),
  ),
  /** The council's resolutions an aid review may cite, newest first, filtered by number or title. */
  'charity.citableResolutions': method(
    { input: z.object({ query: text(40).default('') }), access: 'charity.apply', writes: false },
    returns<CitableResolution[]>(),
  ),
  /**
   * Hands one evidence file to the user (Electron's save dialog, or the browser's download) after checking
   * its stored SHA-256. Evidence is personal data: who opened which file is audited, and a refused one too.
   * Like an export (reports.run) it changes no record, so no screen is told to load again ('none').
   */
  'charity.openEvidence': method({ input: z.object({ id }), access: 'charity.apply', writes: true, transaction: 'none' }, returns<EvidenceOpened>()),
  'charity.aidReview': method({ input: z.object({ id }), access: 'charity.read', writes: false }, returns<AidReview>()),
  'charity.decideApplication': method(
    { input: z.object({ id, approve: z.boolean(), note: text(200).default('') }), access: 'charity.approve', writes: true },
    returns<AidApplication>(),
  ),
  'charity.payApplication': method(
    { input: z.object({ id, method: z.enum(paymentMethods) }), access: 'charity.record', writes: true },
    returns<AidApplication>(),
  ),
  'charity.acknowledgeApplication': method(
    { input: z.object({ id, acknowledgement: text(200).min(2, 'charity.acknowledgement_required') }), access: 'charity.record', writes: true },
    returns<AidApplication>(),
  ),
  'charity.listApplications': method(
    { input: z.object({ status: z.enum(aidStatuses).optional(), cursor, limit: pageLimit }), access: 'charity.read', writes: false },
    returns<Page<AidApplication>>(),
  ),
};
