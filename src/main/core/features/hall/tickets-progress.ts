// A ticket after registration: materials supplemented, 转办, 办结, 不予受理. Each step checks the state it
// starts from (the migration's triggers refuse changing a closed ticket as well), writes a history line
// and leaves an audit record.

import { AppError } from '../../../../shared/errors';
import type { TicketView } from '../../../../shared/contract/hall';
import type { HallTicketsTable } from './tables';
import type { TicketDesk } from './tickets-desk';
import { appendEvent, findTicketRow, nameList, ticketMaterials, updateTicket } from './tickets-repository';
import { missingRequired } from './tickets-register';
import { auditedView } from './tickets-view';
import { listWords, statusWords, timeLimitWords } from './tickets-words';

/**
 * What the applicant is told when refused, unless the counter words it otherwise: 行政复议法 第20条 (sixty
 * days from knowing of the decision) and 行政诉讼法 第46条 (six months).
 */
export const DEFAULT_REMEDIES = '如对本决定不服，可以自收到本告知之日起六十日内依法申请行政复议，或者六个月内依法提起行政诉讼。';

function requireStatus(row: HallTicketsTable, allowed: readonly string[]): void {
  if (!allowed.includes(row.status))
    throw new AppError('hall.wrong_status', `A ${row.status} ticket cannot do this`, {
      params: { status: statusWords[row.status as keyof typeof statusWords] },
    });
}

/**
 * The applicant brings what was missing. A 容缺 ticket's items are marked received, and once all are in,
 * supplemented that day. A notified ticket is accepted the day its last required material arrives (行政许可法
 * 第32条: accepted on the day the materials are complete), its time limit counted from then; while some are
 * still missing nothing is recorded and the counter is told which.
 */
export async function supplementTicket(desk: TicketDesk, input: { id: string; items: string[]; note: string }): Promise<TicketView> {
  const row = await findTicketRow(desk.db, input.id);
  const items = [...new Set(input.items)];
  const materials = ticketMaterials(row);
  const note = input.note ? `（${input.note}）` : '';

  if (row.status === 'notified') {
    const missing = nameList(row.missing_items);
    const stray = items.find((name) => !missing.includes(name));
    if (stray) throw new AppError('hall.not_missing', `${stray} was not missing`, { params: { name: stray }, fields: { items: 'hall.not_missing' } });
    for (const m of materials) if (items.includes(m.name)) m.received = true;
    const still = missingRequired(materials);
    if (still.length)
      throw new AppError('hall.materials_missing', `Still missing: ${still.join(', ')}`, {
        params: { items: listWords(still) },
        fields: { items: 'hall.materials_missing' },
      });
    const limit = row.time_limit_days ?? 0;
    const dueOn = desk.calendar.addWorkingDays(desk.today, limit);
    await updateTicket(desk, row.id, { status: 'accepted', materials: JSON.stringify(materials), accepted_on: desk.today, due_on: dueOn });
    await appendEvent(desk, row.id, 'supplemented', `补正${listWords(items)}，材料齐全${note}`);
    await appendEvent(desk, row.id, 'accepted', `材料齐全之日受理，承诺${timeLimitWords(limit)}${limit ? `内办结（${dueOn}前）` : ''}`);
    return auditedView(desk, row, row.id, `补正受理：${listWords(items)}`);
  }

  requireStatus(row, ['notified', 'accepted', 'transferred']);
  const deficient = nameList(row.deficient_items);
  if (!deficient.length || row.supplemented_on)
    throw new AppError('hall.nothing_to_supplement', 'This ticket waits for no material', {
      params: { status: statusWords[row.status as keyof typeof statusWords] },
    });
  const stray = items.find((name) => !deficient.includes(name));
  if (stray)
    throw new AppError('hall.not_deficient', `${stray} was not among the 容缺 items`, { params: { name: stray }, fields: { items: 'hall.not_deficient' } });
  for (const m of materials) if (items.includes(m.name)) m.received = true;
  const waiting = deficient.filter((name) => !materials.some((m) => m.name === name && m.received));
  await updateTicket(desk, row.id, { materials: JSON.stringify(materials), supplemented_on: waiting.length ? null : desk.today });
  await appendEvent(desk, row.id, 'supplemented', `补正${listWords(items)}${waiting.length ? `，仍待补正${listWords(waiting)}` : '，容缺材料已补齐'}${note}`);
  return auditedView(desk, row, row.id, `补正：${listWords(items)}`);
}

/** 转办 to the department that decides, or on to another; the 承办人 may change with it. */
export async function transferTicket(desk: TicketDesk, input: { id: string; department: string; handlerName: string; note: string }): Promise<TicketView> {
  const row = await findTicketRow(desk.db, input.id);
  requireStatus(row, ['accepted', 'transferred']);
  const handler = input.handlerName.trim();
  await updateTicket(desk, row.id, {
    status: 'transferred',
    transferred_to: input.department,
    transferred_on: desk.today,
    ...(handler ? { handler_name: handler } : {}),
  });
  await appendEvent(desk, row.id, 'transferred', `转办${input.department}${handler ? `，承办人${handler}` : ''}${input.note ? `（${input.note}）` : ''}`);
  return auditedView(desk, row, row.id, `转办${input.department}`);
}

/**
 * 办结 with the decision or reply. A 容缺 ticket is decided only once its pledged materials are in
 * (安阳市政务服务条例 第24条: the pledge is to supplement them; the decision rests on the complete file).
 */
export async function completeTicket(desk: TicketDesk, input: { id: string; result: string }): Promise<TicketView> {
  const row = await findTicketRow(desk.db, input.id);
  requireStatus(row, ['accepted', 'transferred']);
  const deficient = nameList(row.deficient_items);
  if (deficient.length && !row.supplemented_on)
    throw new AppError('hall.supplement_pending', 'The 容缺 materials are not all in', { params: { items: listWords(deficient) } });
  await updateTicket(desk, row.id, { status: 'completed', completed_on: desk.today, result: input.result });
  const late = row.due_on && desk.today > row.due_on ? `，超过承诺期限（${row.due_on}）` : '';
  await appendEvent(desk, row.id, 'completed', `办结${late}：${input.result.slice(0, 60)}`);
  return auditedView(desk, row, row.id, '办结');
}

/** 不予受理 (a notified ticket) or 不予办理 (an accepted one): the reason, and the applicant's remedies. */
export async function refuseTicket(desk: TicketDesk, input: { id: string; reason: string; remedies: string }): Promise<TicketView> {
  const row = await findTicketRow(desk.db, input.id);
  requireStatus(row, ['notified', 'accepted', 'transferred']);
  await updateTicket(desk, row.id, { status: 'refused', refused_reason: input.reason, remedies: input.remedies.trim() || DEFAULT_REMEDIES });
  await appendEvent(desk, row.id, 'refused', `${row.status === 'notified' ? '不予受理' : '不予办理'}：${input.reason.slice(0, 60)}`);
  return auditedView(desk, row, row.id, '不予受理');
}
