import { Button, Menu, Popover, Stack } from '@mantine/core';
import { IconChevronDown, IconFileExport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ReportFormatName } from '@shared/contract/reports';
import { useSignedIn } from '../../app/session-context';
import { ErrorAlert } from '../ErrorAlert';
import { JobStatus } from './JobStatus';
import { formatLabel } from './labels';
import { useReportJob } from './use-report-job';

/**
 * 导出 on a list screen: runs the list's report with the filters on screen, in the format picked, as the
 * report centre does (masked numbers, on the audit record, saved where the user says). Progress and the
 * outcome show under the button; a refused start (bad filters) is said there too.
 */
export function ExportButton({
  report,
  params,
  formats = ['xlsx', 'pdf'],
  label,
}: {
  report: string;
  params: Record<string, unknown>;
  formats?: ReportFormatName[];
  /** The button's words when it prints one document (打印纪要) rather than exporting a list (导出). */
  label?: string;
}) {
  const { t, i18n } = useTranslation();
  const { can } = useSignedIn();
  const job = useReportJob();
  if (!can('reports.run')) return null;

  const run = async (format: ReportFormatName) => {
    job.setStartError(null);
    try {
      await job.start(report, format, { ...params, locale: i18n.language });
    } catch (err) {
      job.setStartError(err);
    }
  };
  const open = job.state.phase !== 'idle' || job.startError !== null;

  return (
    <Popover opened={open} position="bottom-end" withArrow shadow="md" width={340} onChange={(o) => !o && !job.busy && job.reset()}>
      <Popover.Target>
        <div>
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <Button variant="default" leftSection={<IconFileExport size={16} />} rightSection={<IconChevronDown size={14} />} loading={job.busy}>
                {label ?? t('reports.export')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              {formats.map((f) => (
                <Menu.Item key={f} onClick={() => void run(f)}>
                  {formatLabel(t, f)}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
        </div>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <ErrorAlert error={job.startError} />
          <JobStatus state={job.state} save={job.save} onCancel={() => void job.cancel()} />
          {!job.busy && (
            <Button size="compact-sm" variant="subtle" onClick={job.reset}>
              {t('common.close')}
            </Button>
          )}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
