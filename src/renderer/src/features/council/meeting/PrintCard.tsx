import { Card, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MeetingView } from '@shared/contract/council';
import { ExportButton } from '../../../components/report-job/ExportButton';

/**
 * The meeting's printouts: each button runs the council's document report for this meeting as a job (the
 * permission checked, the export on the audit record) and hands the file to be saved. A document shows only
 * when the meeting has what it prints: minutes once drafted, ballots for a secret ballot, 实施结果公开 once an
 * action item is done.
 */
export function PrintCard({ view }: { view: MeetingView }) {
  const { t } = useTranslation();
  const params = { meeting: view.meeting.id };
  const documents: { report: string; key: 'minutes' | 'notice' | 'attendance' | 'ballots' | 'results'; shown: boolean }[] = [
    { report: 'council_minutes', key: 'minutes', shown: view.minutes.length > 0 },
    { report: 'council_notice', key: 'notice', shown: true },
    { report: 'council_attendance', key: 'attendance', shown: view.roll.length > 0 },
    { report: 'council_ballots', key: 'ballots', shown: view.motions.some((m) => m.method === 'secret') },
    { report: 'council_results', key: 'results', shown: view.actionItems.some((a) => a.status === 'done') },
  ];
  const shown = documents.filter((d) => d.shown);
  return (
    <Card withBorder padding="sm">
      <Group justify="space-between" align="center">
        <Text fw={600}>{t('council.print.title')}</Text>
        {shown.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('council.print.nothing')}
          </Text>
        )}
        <Group gap="xs">
          {shown.map((d) => (
            <ExportButton key={d.report} report={d.report} params={params} formats={['pdf', 'docx']} label={t(`council.print.${d.key}`)} />
          ))}
        </Group>
      </Group>
    </Card>
  );
}
