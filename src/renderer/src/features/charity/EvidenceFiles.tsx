import { Button, Group, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AidApplication } from '@shared/contract/charity/aid';
import { api } from '../../api/client';
import { useSession } from '../../app/session-context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCharityJob } from './use-charity-job';

/**
 * An application's evidence files, each with its hash and a button that hands it over as exports are
 * (Electron's save dialog, or the browser's download). Main checks the hash and audits the opening.
 */
export function EvidenceFiles({ evidence }: { evidence: AidApplication['evidence'] }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const job = useCharityJob();
  if (evidence.length === 0) return null;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {t('charity.aid.evidence')}
      </Text>
      {evidence.map((e) => (
        <Group key={e.id} gap="xs" wrap="nowrap">
          {can('charity.apply') && (
            <Button
              size="compact-xs"
              variant="light"
              leftSection={<IconDownload size={14} />}
              aria-label={t('charity.aid.openEvidence', { name: e.fileName })}
              disabled={job.busy}
              onClick={() => void job.start(() => api.call('charity.openEvidence', { id: e.id }))}
            >
              {t('charity.aid.download')}
            </Button>
          )}
          <Text size="sm">{e.fileName}</Text>
          <Text size="xs" c="dimmed" className="linli-mono" title={e.sha256}>
            {e.size < 1024 ? t('charity.aid.evidenceBytes', { bytes: e.size }) : t('charity.aid.evidenceSize', { kb: Math.round(e.size / 1024) })} · sha256:
            {e.sha256.slice(0, 16)}…
          </Text>
        </Group>
      ))}
      <Text size="xs" c="dimmed">
        {t('charity.aid.evidenceAudited')}
      </Text>
      {job.state.kind === 'failed' && <ErrorAlert error={job.state.error} />}
    </Stack>
  );
}
