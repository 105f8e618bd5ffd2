import { z } from 'zod';
import { AppError } from '../../../../../shared/errors';
import type { MeetingView } from '../../../../../shared/contract/council';
import type { ReportContext, ReportDefinition } from '../../../reports/registry';
import { defineReport } from '../../../reports/registry';
import { paramReference } from '../../../reports/param-fields';
import type { DocumentReport } from '../../../reports/model';
import type { DocumentModel } from '../../../documents/model';
import { localToday } from '../../../time/zone';
import { loadMeetingView } from '../service';
import { documentFrame, type DocumentFrame } from './frame';
import { minutesDocument } from './minutes';
import { attendanceSheetDocument, ballotDocument, noticeDocument, resultsNoticeDocument } from './notices';

// The council's printouts are reports of kind 'document' with the meeting as their parameter: the meeting
// page's print buttons, the report centre and `linli council minutes` all run them through reports.run, so
// each print is permission-checked, on the audit record as an export, and rendered as a job whose file the
// user saves.

// In the report centre the meeting is picked from a searchable list of meetings, not typed as an id.
const meetingId = paramReference(z.string().trim().min(1, 'contract.required'), 'council.meeting');

async function meetingView(ctx: ReportContext, id: string): Promise<MeetingView> {
  // loadMeetingView refuses an unknown id with council.meeting_not_found.
  return loadMeetingView(ctx.db, id);
}

function documentReport(
  name: string,
  formats: ('pdf' | 'docx')[],
  build: (view: MeetingView, frame: DocumentFrame, ctx: ReportContext) => DocumentModel,
): ReportDefinition {
  return defineReport({
    name,
    area: 'council',
    permission: 'council.read',
    params: z.object({ meeting: meetingId }),
    formats,
    async build(ctx, params): Promise<DocumentReport> {
      const view = await meetingView(ctx, params.meeting);
      return { kind: 'document', document: build(view, await documentFrame(ctx.db, ctx.now), ctx) };
    },
  });
}

/**
 * The version the minutes print: the one asked for, else the latest signed version (an amendment in draft
 * does not replace what was signed until it is signed itself), else the latest draft, stamped 草稿.
 */
export function printedMinutesVersion(view: MeetingView, asked?: number): number | undefined {
  if (asked !== undefined) {
    if (!view.minutes.some((v) => v.version === asked)) throw new AppError('council.minutes_version_not_found', `No version ${asked} of these minutes`);
    return asked;
  }
  return view.minutes.filter((v) => v.state === 'signed').at(-1)?.version ?? view.minutes.at(-1)?.version;
}

/** 会议纪要: PDF in the GB/T 9704 layout, or DOCX for Word, WPS and LibreOffice. */
export const councilMinutesReport = defineReport({
  name: 'council_minutes',
  area: 'council',
  permission: 'council.read',
  // An empty version box (the report centre's form) means the default, not version 0.
  params: z.object({ meeting: meetingId, version: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.coerce.number().int().min(1).optional()) }),
  formats: ['pdf', 'docx'],
  async build(ctx, params): Promise<DocumentReport> {
    const view = await meetingView(ctx, params.meeting);
    if (!view.minutes.length) throw new AppError('council.minutes_none', 'These minutes have not been drafted yet');
    const frame = await documentFrame(ctx.db, ctx.now);
    return { kind: 'document', document: minutesDocument(view, frame, printedMinutesVersion(view, params.version)) };
  },
});

/** 会议通知, public: posted before the meeting. */
export const councilNoticeReport = documentReport('council_notice', ['pdf', 'docx'], (view, frame) => noticeDocument(view, frame));
/** 签到表, signed at the door. */
export const councilAttendanceReport = documentReport('council_attendance', ['pdf', 'docx'], (view, frame) => attendanceSheetDocument(view, frame));
/** 表决票 for the secret-ballot motions. */
export const councilBallotsReport = documentReport('council_ballots', ['pdf', 'docx'], (view, frame) => {
  if (!view.motions.some((m) => m.method === 'secret')) throw new AppError('council.no_secret_ballot', 'No motion of this meeting is a secret ballot');
  return ballotDocument(view, frame);
});
/** 实施结果公开 of this meeting's completed action items, dated the day it is printed. */
export const councilResultsReport = documentReport('council_results', ['pdf', 'docx'], (view, frame, ctx) => {
  const done = view.actionItems.filter((a) => a.status === 'done');
  if (!done.length) throw new AppError('council.no_done_actions', 'No action item of this meeting is done yet');
  return resultsNoticeDocument(done, frame, localToday(ctx.now, ctx.timeZone));
});

export const councilDocumentReports = [councilMinutesReport, councilNoticeReport, councilAttendanceReport, councilBallotsReport, councilResultsReport];
