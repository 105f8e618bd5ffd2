import type { ReportFormat, TableReport } from '../model';
import { DEFAULT_TIME_ZONE, formatDate } from '../format-cell';

export const MIME_TYPES: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  html: 'text/html; charset=utf-8',
};

/** `审计日志-2026-11-22.pdf`: the date is the export day in the report's time zone, not UTC. */
export function reportFileName(report: Pick<TableReport, 'title' | 'generatedAt' | 'timeZone'>, format: ReportFormat): string {
  // Characters Windows/macOS forbid in file names, plus control characters.
  // eslint-disable-next-line no-control-regex -- control characters are among what a file name may not hold
  const safeTitle = report.title.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').trim() || 'report';
  return `${safeTitle}-${formatDate(report.generatedAt, report.timeZone ?? DEFAULT_TIME_ZONE)}.${format}`;
}
