import { useState } from 'react';
import { Alert, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconDeviceFloppy, IconFolder, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { BackupRecord } from '@shared/contract/backups';
import { api } from '../../api/client';
import { useSignedIn } from '../../app/session-context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatBytes, formatDateTime } from '../../i18n/format';
import { RowCounts } from './RowCounts';

/**
 * 立即备份, to the usual folder or to another one (a USB stick). The result shown is the verified one main
 * returns: a copy that failed its check is reported as failed, never as done.
 */
export function RunBackupCard({ defaultFolder, onDone }: { defaultFolder: string; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const { settings, can } = useSignedIn();
  // A copy in a folder of one's choosing is an administrator's act; others back up to the usual folder.
  const mayChooseFolder = can('backups.to_folder');
  const chooseFolder = api.transport().chooseFolder;
  const [folder, setFolder] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<BackupRecord | null>(null);

  async function run() {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await api.call('backups.run', folder.trim() ? { folder: folder.trim() } : {}));
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  async function pickFolder() {
    const chosen = await chooseFolder?.();
    if (chosen) setFolder(chosen);
  }

  return (
    <Card withBorder padding="lg">
      <Stack gap="sm">
        <Title order={3} fz="h5">
          {t('backups.run.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('backups.run.hint', { folder: defaultFolder })}
        </Text>
        {!mayChooseFolder ? null : chooseFolder ? (
          <Group gap="xs">
            <Button variant="default" leftSection={<IconFolder size={16} />} onClick={() => void pickFolder()} disabled={busy}>
              {t('backups.run.chooseFolder')}
            </Button>
            {folder && (
              <>
                <Text size="sm" className="linli-mono">
                  {folder}
                </Text>
                <Button variant="subtle" size="compact-sm" leftSection={<IconX size={14} />} onClick={() => setFolder('')}>
                  {t('backups.run.useDefault')}
                </Button>
              </>
            )}
          </Group>
        ) : (
          <TextInput
            label={t('backups.run.folder')}
            description={t('backups.run.folderHint')}
            placeholder={defaultFolder}
            value={folder}
            onChange={(e) => setFolder(e.currentTarget.value)}
            disabled={busy}
            maw={640}
          />
        )}
        <Group>
          <Button leftSection={<IconDeviceFloppy size={16} />} onClick={() => void run()} loading={busy}>
            {t('backups.run.submit')}
          </Button>
        </Group>
        <ErrorAlert error={error} />
        {result &&
          (result.ok ? (
            <Alert color="green" variant="light" role="status" title={t('backups.run.okTitle')}>
              <Stack gap={4}>
                <Text size="sm">
                  {t('backups.run.okDetail', { when: formatDateTime(result.at, settings.timeZone), size: formatBytes(result.bytes, i18n.language) })}
                </Text>
                <Text size="sm" className="linli-mono">
                  {result.path}
                </Text>
                <RowCounts counts={result.counts} />
                {folder.trim() !== '' && (
                  <Text size="sm" fw={600}>
                    {t('backups.run.noKeyNote')}
                  </Text>
                )}
              </Stack>
            </Alert>
          ) : (
            <Alert color="red" variant="filled" role="alert" title={t('backups.run.failedTitle')}>
              <Stack gap={4}>
                <Text size="sm">{result.problem}</Text>
                <Text size="sm" className="linli-mono">
                  {result.path}
                </Text>
              </Stack>
            </Alert>
          ))}
      </Stack>
    </Card>
  );
}
