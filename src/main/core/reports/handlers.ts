import { z } from 'zod';
import { AppError, ErrorCodes } from '../../../shared/errors';
import type { HandlerMap } from '../context';
import { reportCatalogue } from './catalogue';
import { prepareReport, renderReport } from './run';

const localeParam = z.enum(['zh-CN', 'en']).catch('zh-CN');

export const reportsHandlers: HandlerMap<'reports.list' | 'reports.run' | 'reports.cancel'> = {
  async 'reports.list'(_input, ctx) {
    const s = ctx.requireSession();
    return reportCatalogue
      .filter((r) => s.permissions.has(r.permission))
      .map((r) => ({ name: r.name, area: r.area, formats: r.formats, params: r.paramFields }));
  },

  async 'reports.run'(input, ctx) {
    const s = ctx.requireSession();
    const { locale: rawLocale, ...rawParams } = input.params as Record<string, unknown>;
    const { prepared } = prepareReport(s, input.name, input.format, rawParams);
    const locale = localeParam.parse(rawLocale);
    // Full ID numbers need their own permission. A refusal is recorded as a refusal, before any job
    // starts, never as an export that happened.
    if ((prepared.params as Record<string, unknown>).fullIds === true && !s.permissions.has('residents.export_full')) {
      const after = { format: input.format, params: prepared.params, permission: 'residents.export_full' };
      const summary = `${input.name}.${input.format}`;
      ctx.auditAlways({ action: 'reports.export_refused', area: 'reports', recordType: 'report', recordId: input.name, summary, after });
      throw new AppError(ErrorCodes.forbidden, 'Permission residents.export_full is needed', { params: { permission: 'residents.export_full' } });
    }
    // Every export is on the record, with what was asked for, before any data leaves.
    await ctx.audit({
      action: 'reports.export',
      area: 'reports',
      recordType: 'report',
      recordId: input.name,
      summary: `${input.name}.${input.format}`,
      after: { format: input.format, params: prepared.params },
    });
    // The record is the one write; the file the job renders is not data.
    ctx.events.emit('data.changed', { area: 'reports' });
    const jobId = ctx.jobs.start(s.token, (job) => renderReport(ctx, prepared, input.format, { id: s.userId, displayName: s.displayName }, locale, job));
    return { jobId };
  },

  async 'reports.cancel'(input, ctx) {
    ctx.jobs.cancel(input.jobId, ctx.requireSession().token);
    return null;
  },
};
