// 好差评 (国办发〔2019〕51号): 一次一评 at the counter, and for a 差评 the 核实整改反馈 it is owed.

import type { z } from 'zod';
import { AppError } from '../../../../shared/errors';
import { isBadRating, type TicketView, type ratingInput } from '../../../../shared/contract/hall';
import type { TicketDesk } from './tickets-desk';
import { appendEvent, findTicketRow, updateTicket } from './tickets-repository';
import { readHallSettings } from './hall-settings';
import { auditedView } from './tickets-view';
import { ratingWords } from './tickets-words';

/** Once per ticket, in any state (the applicant may rate being told what is missing, too). */
export async function rateTicket(desk: TicketDesk, input: z.output<typeof ratingInput>): Promise<TicketView> {
  const row = await findTicketRow(desk.db, input.id);
  if (row.rated_at !== null) throw new AppError('hall.rated_once', 'This ticket has been rated already');
  const bad = isBadRating(input.level);
  // The applicant who gave a 差评 is contacted within the hall's follow-up limit (窗口规则), counted from the next day.
  const followUpDue = bad ? desk.calendar.addWorkingDays(desk.today, (await readHallSettings(desk.db)).followUpWorkingDays) : null;
  await updateTicket(desk, row.id, {
    rating_level: input.level,
    rating_efficiency: input.efficiency,
    rating_attitude: input.attitude,
    rating_skill: input.skill,
    rating_comment: input.comment,
    rated_at: desk.at,
    follow_up_due_on: followUpDue,
  });
  const words = `${ratingWords[input.level]}（${input.level}星）`;
  await appendEvent(desk, row.id, 'rated', bad ? `差评：${words}，须于${followUpDue}前回访核实` : `评价：${words}`);
  return auditedView(desk, row, row.id, `评价 ${input.level}星`);
}

/** The 差评's follow-up: whom they spoke to and when, what was verified, what was put right, what was said back. Once. */
export async function followUpTicket(
  desk: TicketDesk,
  input: { id: string; contactedOn: string; verified: string; rectification: string; feedback: string },
): Promise<TicketView> {
  const row = await findTicketRow(desk.db, input.id);
  if (row.rating_level === null || !isBadRating(row.rating_level)) throw new AppError('hall.no_follow_up_due', 'Only a 差评 is followed up');
  if (row.follow_up_at !== null) throw new AppError('hall.followed_up_once', 'This 差评 has been followed up already');
  if (input.contactedOn > desk.today)
    throw new AppError('hall.contacted_in_future', 'The contact date cannot be after today', { fields: { contactedOn: 'hall.contacted_in_future' } });
  await updateTicket(desk, row.id, {
    follow_up_contacted_on: input.contactedOn,
    follow_up_verified: input.verified,
    follow_up_rectification: input.rectification,
    follow_up_feedback: input.feedback,
    follow_up_by_name: desk.actor.name,
    follow_up_at: desk.at,
  });
  const late = row.follow_up_due_on && input.contactedOn > row.follow_up_due_on ? `（超过回访期限${row.follow_up_due_on}）` : '';
  await appendEvent(desk, row.id, 'followed_up', `${input.contactedOn}回访${late}：${input.verified.slice(0, 60)}`);
  return auditedView(desk, row, row.id, '差评回访');
}
