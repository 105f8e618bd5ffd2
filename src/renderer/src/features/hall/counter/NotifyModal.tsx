import type { ReactNode } from 'react';
import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * 一次性告知: not accepted; everything missing is told at once (行政许可法 第32条). The clerk sees the list
 * the notice will carry before registering it.
 */
export function NotifyModal({
  missing,
  busy,
  error,
  onClose,
  onConfirm,
}: {
  missing: string[];
  busy: boolean;
  error: ReactNode;
  onClose: () => void;
  onConfirm: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onClose} title={t('hall.counter.notifyTitle')} centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack gap="sm">
        <Text size="sm">{t('hall.counter.notifyExplain')}</Text>
        <List size="sm" withPadding>
          {missing.map((m) => (
            <List.Item key={m}>{m}</List.Item>
          ))}
        </List>
        {error && (
          <Alert color="red" variant="light" role="alert">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button color="orange" onClick={onConfirm} loading={busy} data-autofocus>
            {t('hall.counter.notifyConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
