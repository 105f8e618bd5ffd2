import { z } from 'zod';
import { AppError } from '../../../../shared/errors';
import type { DocumentReport } from '../../reports/model';
import { defineReport, type ReportContext, type ReportDefinition } from '../../reports/registry';
import { paramReference } from '../../reports/param-fields';
import { formatLocal, localToday } from '../../time/zone';
import { findService } from './catalogue';
import { loadWorkingCalendar } from './calendar';
import { receiptDocument } from './receipt-document';
import { oneTimeNoticeDocument, refusalNoticeDocument } from './notice-document';
import { ticketEventRows } from './tickets-repository';
import { toTicket } from './tickets-view';
import { hallLedgerReport, hallSupervisionReport } from './ticket-ledger';

// The counter's printouts are reports (kind 'document' for the receipt and the notices, tables for the
// ledger and the 督办清单): the ticket page's print buttons, the report centre and `linli report` all run
// them through reports.run, so every print is permission-checked and on the audit record as an export.

// The ticket is named by its id or by its number as printed (SL2026-000123): the report centre and the CLI
// can be given what is on the paper.
const ticketRef = paramReference(z.string().trim().max(64).min(1, 'contract.required'), 'hall.ticket');

async function printedTicket(ctx: ReportContext, ref: string) {
  const row = await ctx.db
    .selectFrom('hall_tickets')
    .selectAll()
    .where((eb) => eb.or([eb('id', '=', ref), eb('number', '=', ref.toUpperCase())]))
    .executeTakeFirst();
  if (!row) throw new AppError('hall.ticket_not_found', 'No such ticket');
  const clock = { today: localToday(ctx.now, ctx.timeZone), calendar: await loadWorkingCalendar(ctx.db) };
  return { row, ticket: toTicket(row, clock) };
}

/** 受理回执, for a ticket that was accepted; one only told what is missing gets the 一次性告知书 instead. */
export const hallReceiptReport = defineReport({
  name: 'hall_receipt',
  area: 'hall',
  permission: 'hall.accept',
  params: z.object({ ticket: ticketRef }),
  formats: ['pdf', 'docx'],
  async build(ctx, params): Promise<DocumentReport> {
    const { row, ticket } = await printedTicket(ctx, params.ticket);
    if (!ticket.acceptedOn) throw new AppError('hall.not_accepted', 'Not accepted: print the notice instead', { params: { number: ticket.number } });
    return {
      kind: 'document',
      document: receiptDocument({ ticket, letterhead: ctx.frame.letterhead, timeLimitDays: row.time_limit_days, generatedAt: ctx.frame.generatedAt }),
    };
  },
});

/** 一次性告知书 for a notified ticket (or one accepted after it), 不予受理告知书 for a refused one. */
export const hallNoticeReport = defineReport({
  name: 'hall_notice',
  area: 'hall',
  permission: 'hall.accept',
  params: z.object({ ticket: ticketRef }),
  formats: ['pdf', 'docx'],
  async build(ctx, params): Promise<DocumentReport> {
    const { row, ticket } = await printedTicket(ctx, params.ticket);
    const f = { letterhead: ctx.frame.letterhead, generatedAt: ctx.frame.generatedAt };
    if (ticket.status === 'refused') {
      const refused = (await ticketEventRows(ctx.db, row.id)).filter((e) => e.action === 'refused').at(-1);
      const refusedOn = refused ? formatLocal(refused.at, ctx.timeZone, 'YYYY-MM-DD') : localToday(ctx.now, ctx.timeZone);
      return { kind: 'document', document: refusalNoticeDocument({ ticket, registeredOn: row.registered_on, refusedOn, f }) };
    }
    if (!ticket.missingItems.length) throw new AppError('hall.no_notice', 'Nothing was missing and nothing refused', { params: { number: ticket.number } });
    const service = row.service_id ? ((await findService(ctx.db, row.service_id)) ?? null) : null;
    return {
      kind: 'document',
      document: oneTimeNoticeDocument({ ticket, registeredOn: row.registered_on, timeLimitDays: row.time_limit_days, service, f }),
    };
  },
});

export const hallTicketReports: ReportDefinition[] = [hallReceiptReport, hallNoticeReport, hallLedgerReport, hallSupervisionReport];
