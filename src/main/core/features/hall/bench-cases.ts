// The hall bench's cases: what each calls, its target, and how the rows raw better-sqlite3 read (replaying
// the handler's own statements) are checked against what the handler returned, so that a fast raw side is
// known to have done the same work.

import type { Page } from '../../../../shared/contract/common';
import type { SupervisionBoard, TicketRow, TicketView } from '../../../../shared/contract/hall';
import type { HallTicketsTable } from './tables';

/** The targets (p95 through the whole handler path) at a street hall's 200,000 tickets. */
export const hallTargets = { listMs: 10, supervisionMs: 50, ticketMs: 5, receiptMs: 3000 };

/** What one statement the handler ran read, replayed on raw better-sqlite3. */
export interface RawResult {
  sql: string;
  rows: Record<string, unknown>[];
}

export interface CaseSpec {
  name: string;
  method: 'hall.listTickets' | 'hall.supervision' | 'hall.getTicket';
  input: Record<string, unknown>;
  targetMs: number;
  /** How many rows the handler returned, and whether the raw side read exactly those. */
  compare(value: unknown, raw: RawResult[]): { rows: number; same: boolean };
}

/** The inputs found on the seeded file that the cases need. */
export interface CaseInputs {
  deepCursor: string | null;
  deepPages: number;
  namePrefix: string;
  wholeName: string;
  numberTail: string;
  /** SL and this year to three digits (SL2026-000): the shortest beginning Ctrl+K sends, a year's first thousand. */
  numberPrefix: string;
  ticketId: string;
}

const ticketSelects = (raw: RawResult[]) => raw.filter((r) => /from "?hall_tickets"?\s/i.test(r.sql) && !/count\(\*\)/i.test(r.sql));

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function newerFirst(a: HallTicketsTable, b: HallTicketsTable): number {
  if (a.registered_on !== b.registered_on) return a.registered_on < b.registered_on ? 1 : -1;
  return a.number < b.number ? 1 : a.number > b.number ? -1 : 0;
}

/**
 * A list page: the tickets raw read (one statement per status; 'open' and 'overdue' read two), newest first,
 * the page's length of them, are the handler's rows in the same order.
 */
function comparePage(limit: number) {
  return (value: unknown, raw: RawResult[]) => {
    const page = value as Page<TicketRow>;
    const read = ticketSelects(raw).flatMap((r) => r.rows as unknown as HallTicketsTable[]);
    const expected = read
      .sort(newerFirst)
      .slice(0, limit)
      .map((r) => r.number);
    const got = page.rows.map((r) => r.number);
    return { rows: got.length, same: sameList(got, expected) };
  };
}

/**
 * The board: its eight counts in the order supervision.ts asks them (the on-time count only as its
 * percentage), and its four lists, ticket by ticket.
 */
function compareBoard(value: unknown, raw: RawResult[]) {
  const board = value as SupervisionBoard;
  const counts = raw.filter((r) => /count\(\*\)/i.test(r.sql)).map((r) => Number(r.rows[0]?.n));
  const c = board.counts;
  const [open, overdue, dueSoon, completed, onTime, rated, bad, followUpPending] = counts;
  const countsSame =
    counts.length === 8 &&
    open === c.open &&
    overdue === c.overdue &&
    dueSoon === c.dueSoon &&
    completed === c.completedThisMonth &&
    (completed ? Math.round((onTime * 100) / completed) : null) === c.onTimePercent &&
    rated === c.ratedThisMonth &&
    bad === c.badThisMonth &&
    followUpPending === c.followUpPending;
  const lists = [board.overdue, board.dueSoon, board.followUps, board.supplementsLate].map((l) => l.map((r) => r.number));
  const read = ticketSelects(raw).map((r) => r.rows.map((x) => String(x.number)));
  const listsSame = read.length === lists.length && lists.every((l, i) => sameList(l, read[i]));
  return { rows: lists.reduce((n, l) => n + l.length, 0), same: countsSame && listsSame };
}

/** A ticket: its row, and its history line by line in order. */
function compareTicket(value: unknown, raw: RawResult[]) {
  const view = value as TicketView;
  const row = ticketSelects(raw)[0]?.rows[0];
  const events = raw.filter((r) => /from "?hall_ticket_events"?\s/i.test(r.sql)).flatMap((r) => r.rows);
  const line = (e: { at: unknown; action: unknown; detail: unknown }) => `${String(e.at)} ${String(e.action)} ${String(e.detail)}`;
  return {
    rows: view.events.length,
    same:
      row?.number === view.number &&
      sameList(
        view.events.map(line),
        events.map((e) => line(e as { at: unknown; action: unknown; detail: unknown })),
      ),
  };
}

/** Every case, in the order they are run and printed. */
export function hallCases(inputs: CaseInputs): CaseSpec[] {
  const limit = 50;
  const list = (name: string, input: Record<string, unknown>): CaseSpec => ({
    name,
    method: 'hall.listTickets',
    input: { limit, ...input },
    targetMs: hallTargets.listMs,
    compare: comparePage(limit),
  });
  return [
    list('list first page', {}),
    list('list 在办 (open)', { status: 'open' }),
    list('list 已逾期 (overdue)', { status: 'overdue' }),
    ...(inputs.deepCursor ? [list(`list page ${inputs.deepPages + 1}`, { cursor: inputs.deepCursor })] : []),
    list(`list name ${inputs.namePrefix}…`, { query: inputs.namePrefix }),
    list(`list name ${inputs.wholeName}`, { query: inputs.wholeName }),
    list(`list number …${inputs.numberTail}`, { query: inputs.numberTail }),
    list(`list number ${inputs.numberPrefix}…`, { query: inputs.numberPrefix }),
    { name: 'supervision board', method: 'hall.supervision', input: {}, targetMs: hallTargets.supervisionMs, compare: compareBoard },
    { name: 'ticket with history', method: 'hall.getTicket', input: { id: inputs.ticketId }, targetMs: hallTargets.ticketMs, compare: compareTicket },
  ];
}
