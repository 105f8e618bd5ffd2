import type { SupervisionBoard, Ticket } from '@shared/contract/hall';
import { api } from '../../../api/client';

export interface BoardWithDetails {
  board: SupervisionBoard;
  /**
   * The full tickets behind two of the board's lists, by id: a 差评's 回访期限 and a 容缺 ticket's missing
   * items and 补正期限 are on the ticket, not on the board's rows. Both lists are short by nature (what is
   * owed today), so reading each ticket costs little and the supervisor sees what is owed and by when.
   */
  details: Map<string, Ticket>;
}

export async function loadBoard(): Promise<BoardWithDetails> {
  const board = await api.call('hall.supervision', {});
  const ids = [...new Set([...board.followUps, ...board.supplementsLate].map((r) => r.id))];
  const tickets = await Promise.all(ids.map((id) => api.call('hall.getTicket', { id })));
  return { board, details: new Map(tickets.map((ticket) => [ticket.id, ticket])) };
}
