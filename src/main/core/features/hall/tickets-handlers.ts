import { AppError } from '../../../../shared/errors';
import type { HandlerMap } from '../../context';
import { hallDay } from '../../time/hall-day';
import { loadWorkingCalendar } from './calendar';
import { clockOf, deskOf } from './tickets-desk';
import { registerTicket } from './tickets-register';
import { completeTicket, refuseTicket, supplementTicket, transferTicket } from './tickets-progress';
import { followUpTicket, rateTicket } from './tickets-rating';
import { listTickets } from './tickets-list';
import { appendEvent, findTicketRow } from './tickets-repository';
import { loadTicketView } from './tickets-view';
import { supervisionBoard } from './supervision';

type TicketMethods =
  | 'hall.register'
  | 'hall.supplement'
  | 'hall.transfer'
  | 'hall.complete'
  | 'hall.refuse'
  | 'hall.rate'
  | 'hall.followUp'
  | 'hall.listTickets'
  | 'hall.getTicket'
  | 'hall.reveal'
  | 'hall.supervision';

const revealedWords = { idNumber: '证件号码', phone: '联系电话' } as const;

/** The counter's tickets (办件): the contract's methods over the rules in tickets-*.ts. */
export const ticketsHandlers: HandlerMap<TicketMethods> = {
  async 'hall.register'(input, ctx) {
    return registerTicket(await deskOf(ctx), input);
  },
  async 'hall.supplement'(input, ctx) {
    return supplementTicket(await deskOf(ctx), input);
  },
  async 'hall.transfer'(input, ctx) {
    return transferTicket(await deskOf(ctx), input);
  },
  async 'hall.complete'(input, ctx) {
    return completeTicket(await deskOf(ctx), input);
  },
  async 'hall.refuse'(input, ctx) {
    return refuseTicket(await deskOf(ctx), input);
  },
  async 'hall.rate'(input, ctx) {
    return rateTicket(await deskOf(ctx), input);
  },
  async 'hall.followUp'(input, ctx) {
    return followUpTicket(await deskOf(ctx), input);
  },
  async 'hall.listTickets'(input, ctx) {
    return listTickets(ctx.db, input, await clockOf(ctx));
  },
  async 'hall.getTicket'(input, ctx) {
    return loadTicketView(ctx.db, input.id, await clockOf(ctx));
  },

  /**
   * The full value for a call-back, as the registry's reveal: the reason on the audit record (never the
   * value), and a line in the ticket's own history saying who looked and why.
   */
  async 'hall.reveal'(input, ctx) {
    const desk = await deskOf(ctx);
    const row = await findTicketRow(ctx.db, input.id);
    const stored = input.field === 'idNumber' ? row.applicant_id_cipher : row.applicant_phone_cipher;
    if (!stored) throw new AppError('hall.no_value', 'Nothing is recorded in this field');
    const value = ctx.secrets.decrypt(stored);
    await appendEvent(desk, row.id, 'revealed', `查看完整${revealedWords[input.field]}，理由：${input.reason}`);
    await ctx.audit({
      recordType: 'hall_ticket',
      recordId: row.id,
      summary: `${row.number} ${row.applicant_name}`,
      after: { field: input.field, reason: input.reason },
    });
    return { value };
  },

  async 'hall.supervision'(_input, ctx) {
    const { today, timeZone } = await hallDay(ctx);
    return supervisionBoard(ctx.db, { today, calendar: await loadWorkingCalendar(ctx.db) }, timeZone);
  },
};
