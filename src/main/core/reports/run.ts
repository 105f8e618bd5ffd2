import { AppError, ErrorCodes } from '../../../shared/errors';
import { translator, type Locale } from '../../../shared/i18n/translate';
import type { ReportFormatName } from '../../../shared/contract/reports';
import type { CoreServices } from '../context';
import type { Session } from '../auth/sessions';
import type { JobControl } from '../jobs/jobs';
import { findProfile } from '../community/profile';
import { readSettings } from '../community/settings';
import { renderReportModel } from './formats';
import type { RenderedFile } from './model';
import type { PreparedReport, ReportDefinition, ReportContext } from './registry';
import { findReport } from './catalogue';

/** Finds the report, checks the user may run it and parses its parameters, before any work starts. */
export function prepareReport(
  session: Pick<Session, 'permissions'>,
  name: string,
  format: ReportFormatName,
  rawParams: unknown,
): { def: ReportDefinition; prepared: PreparedReport } {
  const def = findReport(name);
  if (!def) throw new AppError('reports.unknown', `No report named ${name}`, { params: { name } });
  if (!session.permissions.has(def.permission))
    throw new AppError(ErrorCodes.forbidden, `Permission ${def.permission} is needed`, { params: { permission: def.permission } });
  if (!def.formats.includes(format)) throw new AppError('reports.format_unsupported', `${name} does not come as ${format}`);
  return { def, prepared: def.prepare(rawParams) };
}

/** Builds and renders a prepared report. Used by the report centre's jobs and by the CLI. */
export async function renderReport(
  core: CoreServices,
  prepared: PreparedReport,
  format: ReportFormatName,
  user: { id: string; displayName: string },
  locale: Locale,
  job: JobControl,
): Promise<RenderedFile> {
  const settings = await readSettings(core.db);
  const profile = await findProfile(core.db);
  const t = translator(locale);
  const now = core.now();
  const ctx: ReportContext = {
    db: core.db,
    sqlite: core.sqlite,
    secrets: core.secrets,
    locale,
    t,
    timeZone: settings.timeZone,
    now,
    user,
    job,
    frame: {
      letterhead: {
        communityName: profile?.community_name ?? '',
        unitName: profile?.unit_name ?? '',
        streetOffice: profile?.street_office || undefined,
        address: profile?.address || undefined,
        servicePhone: profile?.service_phone || undefined,
        complaintPhone: profile?.complaint_phone || undefined,
        sealImageDataUrl: profile?.seal_image ?? undefined,
      },
      generatedAt: now.toISOString(),
      generatedBy: user.displayName,
      timeZone: settings.timeZone,
      labels: {
        page: t('reportLabels.page'),
        of: t('reportLabels.of'),
        generatedAt: t('reportLabels.generatedAt'),
        generatedBy: t('reportLabels.generatedBy'),
        total: t('reportLabels.total'),
      },
    },
  };
  const model = await prepared.build(ctx);
  job.checkCancelled();
  return renderReportModel(model, format, core.pdf);
}
