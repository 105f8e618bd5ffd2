import { useState } from 'react';
import { Alert, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconFolder, IconKey } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';

/**
 * 导出字段密钥: backups never contain the key that decrypts ID numbers and phones, so an administrator
 * exports it on its own, to another folder (another USB stick), with the warning of what it opens.
 */
export function ExportKeyCard() {
  const { t } = useTranslation();
  const chooseFolder = api.transport().chooseFolder;
  const [folder, setFolder] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);

  async function exportKey() {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      setDone((await api.call('backups.exportKey', { folder: folder.trim() })).path);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card withBorder padding="lg">
      <Stack gap="sm">
        <Title order={3} fz="h5">
          {t('backups.key.title')}
        </Title>
        <Text size="sm">{t('backups.key.explain')}</Text>
        <Alert color="orange" variant="light">
          {t('backups.key.warning')}
        </Alert>
        <Group gap="xs" align="flex-end">
          <TextInput
            label={t('backups.key.folder')}
            description={t('backups.key.folderHint')}
            value={folder}
            onChange={(e) => setFolder(e.currentTarget.value)}
            disabled={busy}
            w={520}
          />
          {chooseFolder && (
            <Button variant="default" leftSection={<IconFolder size={16} />} disabled={busy} onClick={() => void chooseFolder().then((f) => f && setFolder(f))}>
              {t('backups.run.chooseFolder')}
            </Button>
          )}
        </Group>
        <Group>
          <Button leftSection={<IconKey size={16} />} onClick={() => void exportKey()} loading={busy} disabled={!folder.trim()}>
            {t('backups.key.submit')}
          </Button>
        </Group>
        <ErrorAlert error={error} />
        {done && (
          <Alert color="green" variant="light" role="status">
            {t('backups.key.done', { path: done })}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
