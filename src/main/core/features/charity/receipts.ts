import type { Kysely } from 'kysely';
import type { Receipt } from '../../../../shared/contract/charity/donations';
import type { Database } from '../../db/schema';
import { allocateNumber, formatYearNumber } from '../../sequences/sequences';
import { newId } from '../../util/ids';
import type { CharityActor } from './context';
import type { CharityReceiptsTable } from './schema';

export const RECEIPT_SEQUENCE = 'charity.receipt';

/** Takes the year's next receipt number inside the donation's transaction and records the receipt. */
export async function issueReceipt(db: Kysely<Database>, donationId: string, today: string, who: CharityActor, at: string): Promise<string> {
  const year = Number(today.slice(0, 4));
  const number = await allocateNumber(db, RECEIPT_SEQUENCE, year);
  const receiptNo = formatYearNumber(year, number);
  await db
    .insertInto('charity_receipts')
    .values({
      id: newId(),
      year,
      number,
      receipt_no: receiptNo,
      donation_id: donationId,
      issued_on: today,
      issued_at: at,
      issued_by: who.id,
      issued_by_name: who.name,
      print_count: 0,
    })
    .execute();
  return receiptNo;
}

export function receiptRows(db: Kysely<Database>) {
  return db
    .selectFrom('charity_receipts as r')
    .innerJoin('charity_donations as d', 'd.id', 'r.donation_id')
    .leftJoin('charity_donors as p', 'p.id', 'd.donor_id')
    .selectAll('r')
    .select(['d.amount_fen', 'p.name as donor_name']);
}

export function toReceipt(r: CharityReceiptsTable & { amount_fen: number; donor_name: string | null }): Receipt {
  return {
    id: r.id,
    receiptNo: r.receipt_no,
    donationId: r.donation_id,
    donorName: r.donor_name ?? '匿名',
    amountFen: r.amount_fen,
    issuedOn: r.issued_on,
    issuedByName: r.issued_by_name,
    printCount: r.print_count,
    voided: r.voided_at !== null,
    voidReason: r.void_reason,
    officialNo: r.official_no,
  };
}
