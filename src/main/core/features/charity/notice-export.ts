import type SqliteDatabase from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { noticeExports } from '../../../../shared/contract/charity/notices';
import type { Notice } from '../../../../shared/contract/charity/notices';
import type { HandlerMap } from '../../context';
import type { Database } from '../../db/schema';
import type { JobFile } from '../../jobs/jobs';
import type { PdfRenderer } from '../../reports/model';
import { findProfile } from '../../community/profile';
import { renderDocument } from '../../documents/render';
import { area } from './context';
import { noticeCsv, noticeXlsx } from './notice-files';
import { noticeDocument } from './notice-document';
import { charityLetterhead } from './document-reports';
import { findNotice, toNotice } from './notices';
import { exportPublicLedger } from './public-ledger';

export type NoticeFormat = 'pdf' | 'poster' | 'xlsx' | 'csv' | 'html';

/** One published notice in one format; every format is scanned for private data before it leaves. */
export async function renderNotice(db: Kysely<Database>, pdf: PdfRenderer, notice: Notice, format: NoticeFormat): Promise<JobFile> {
  const base = `${notice.number}-${notice.periodKey}`;
  switch (format) {
    case 'csv':
      return { fileName: `${base}.csv`, mimeType: 'text/csv', bytes: noticeCsv(notice) };
    case 'xlsx':
      return { fileName: `${base}.xlsx`, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes: await noticeXlsx(notice) };
    case 'html':
    case 'pdf':
    case 'poster': {
      // The document engine prints the notice (A4, the A3 poster, one self-contained page) and, the notice
      // being public, reads what it rendered back for ID numbers, phones and addresses.
      const doc = noticeDocument(notice, await charityLetterhead(db), format === 'poster');
      const file = await renderDocument(doc, format === 'html' ? 'html' : 'pdf', pdf);
      return { ...file, fileName: `${base}${format === 'poster' ? '-A3' : ''}.${format === 'html' ? 'html' : 'pdf'}` };
    }
  }
}

export function publicLedgerFile(sqlite: SqliteDatabase.Database, community: string, at: string): JobFile {
  const ledger = exportPublicLedger(sqlite, community, at);
  return { fileName: `charity-ledger-${at.slice(0, 10)}.json`, mimeType: 'application/json', bytes: new TextEncoder().encode(JSON.stringify(ledger, null, 1)) };
}

export const noticeExportHandlers: HandlerMap<keyof typeof noticeExports> = {
  async 'charity.exportNotice'(input, ctx) {
    const s = ctx.requireSession();
    const notice = await toNotice(ctx.db, await findNotice(ctx.db, input.id));
    await ctx.audit({ action: 'charity.exportNotice', area, recordType: 'charity_notice', recordId: notice.id, summary: `${notice.number}.${input.format}` });
    const jobId = ctx.jobs.start(s.token, () => renderNotice(ctx.db, ctx.pdf, notice, input.format));
    return { jobId };
  },

  async 'charity.exportPublicLedger'(_input, ctx) {
    const s = ctx.requireSession();
    await ctx.audit({ action: 'charity.exportPublicLedger', area, recordType: 'charity_ledger', recordId: null, summary: 'public ledger' });
    const community = (await findProfile(ctx.db))?.community_name ?? '';
    const at = ctx.now().toISOString();
    const jobId = ctx.jobs.start(s.token, async () => publicLedgerFile(ctx.sqlite, community, at));
    return { jobId };
  },
};
