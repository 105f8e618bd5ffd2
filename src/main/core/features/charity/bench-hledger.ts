import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import type SqliteDatabase from 'better-sqlite3';

/**
 * The charity bench's yardstick: the journal's postings in hledger's journal format, and hledger's own
 * `balance` of them. Bench-side only (hledger is not a dependency of Linli): it shows that the balances
 * Linli keeps as running totals are the ones a plain-text accounting tool computes from every posting.
 */

/** How to get hledger where the bench finds none (Debian and Ubuntu package it). */
export const HLEDGER_INSTALL_HINT = 'hledger is not installed: `sudo apt-get install -y hledger` (Debian/Ubuntu) or see https://hledger.org/install';

/** hledger's version line, or null where it is not on the PATH. */
export function hledgerVersion(): string | null {
  const r = spawnSync('hledger', ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** Fen as hledger reads an amount: yuan with two decimals, a minus sign for a credit. */
export function fenToAmount(fen: number): string {
  const abs = Math.abs(fen);
  return `${fen < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** hledger's printed amount ("1234.50", "-3.00", "0") back to integer fen, refusing anything else. */
export function amountToFen(text: string): number {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text.trim().replace(/,/g, ''));
  if (!m) throw new Error(`not an hledger amount: ${JSON.stringify(text)}`);
  const fen = Number(m[2]) * 100 + Number((m[3] ?? '0').padEnd(2, '0'));
  return m[1] ? -fen : fen;
}

/** hledger's account for a line: the fund, then the account code (GEN:1001). */
export const hledgerAccount = (fund: string, account: string) => `${fund}:${account}`;

/**
 * Writes every journal entry as an hledger transaction: its date, its number in parentheses (hledger's
 * transaction code) and memo, and one posting per line, a debit positive, a credit negative. A `;` would
 * start an hledger comment, so the memo's are written as the full-width `；`. Returns the transactions written.
 */
export function writeHledgerJournal(sqlite: SqliteDatabase.Database, file: string): number {
  const fd = fs.openSync(file, 'w');
  try {
    const rows = sqlite
      .prepare(
        `SELECT e.seq, e.entry_date, e.memo, l.account_code, l.fund_code, l.debit, l.credit FROM charity_lines l JOIN charity_entries e ON e.seq = l.entry_seq
          ORDER BY l.entry_seq, l.line_no`,
      )
      .raw(true)
      .iterate() as IterableIterator<[number, string, string, string, string, number, number]>;
    let chunk = '';
    let last = 0;
    let transactions = 0;
    for (const [seq, date, memo, account, fund, debit, credit] of rows) {
      if (seq !== last) {
        chunk += `${last ? '\n' : ''}${date} (${seq}) ${memo.replace(/[;\r\n]/g, (c) => (c === ';' ? '；' : ' '))}\n`;
        last = seq;
        transactions++;
      }
      chunk += `    ${hledgerAccount(fund, account)}  ${fenToAmount(debit - credit)}\n`;
      if (chunk.length > 1 << 20) {
        fs.writeSync(fd, chunk);
        chunk = '';
      }
    }
    fs.writeSync(fd, chunk);
    return transactions;
  } finally {
    fs.closeSync(fd);
  }
}

/** `hledger balance` of a journal file: every account's total (debits less credits), in fen. */
export function hledgerBalances(file: string): Map<string, number> {
  // --flat: one line per account with its own postings; -O csv: "account","balance" rows, easy to read back.
  const csv = execFileSync('hledger', ['-f', file, 'balance', '--flat', '--no-total', '-O', 'csv'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const out = new Map<string, number>();
  for (const line of csv.split('\n').slice(1)) {
    if (!line.trim()) continue;
    const cells = [...line.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1].replace(/""/g, '"'));
    if (cells.length !== 2) throw new Error(`unexpected hledger output line: ${line}`);
    out.set(cells[0], amountToFen(cells[1]));
  }
  return out;
}

/** Per fund, what Linli's fund balances report: each asset account, income and expense (fen). */
export interface LinliFundFigures {
  code: string;
  accounts: Record<string, number>;
  income: number;
  expense: number;
}

/**
 * The differences between hledger's account totals and Linli's fund figures (empty when they agree):
 * an asset account is its total, income the income accounts' credits less debits, expense the expense
 * accounts' debits less credits.
 */
export function compareWithHledger(hledger: Map<string, number>, accountTypes: Map<string, string>, funds: LinliFundFigures[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const f of funds) {
    let income = 0;
    let expense = 0;
    for (const [name, fen] of hledger) {
      const [fund, account] = name.split(':');
      if (fund !== f.code) continue;
      seen.add(name);
      const type = accountTypes.get(account);
      if (type === 'income') income -= fen;
      else if (type === 'expense') expense += fen;
      else if (type === 'asset') {
        if ((f.accounts[account] ?? 0) !== fen) problems.push(`${name}: hledger ${fen}, Linli ${f.accounts[account] ?? 0}`);
      } else problems.push(`${name}: an account Linli does not have`);
    }
    for (const [account, fen] of Object.entries(f.accounts))
      if (fen !== 0 && !hledger.has(hledgerAccount(f.code, account))) problems.push(`${hledgerAccount(f.code, account)}: Linli ${fen}, hledger none`);
    if (income !== f.income) problems.push(`${f.code} income: hledger ${income}, Linli ${f.income}`);
    if (expense !== f.expense) problems.push(`${f.code} expense: hledger ${expense}, Linli ${f.expense}`);
  }
  for (const name of hledger.keys()) if (!seen.has(name)) problems.push(`${name}: hledger only`);
  return problems;
}
