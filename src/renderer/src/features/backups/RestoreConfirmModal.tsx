import { useState } from 'react';
import { Checkbox, List, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import { useSignedIn } from '../../app/session-context';
import { ConfirmModal } from '../../components/ConfirmModal';

/**
 * The last question before a restore, saying what will happen: the current data is saved first, the
 * backup replaces it, and everyone is signed out. Afterwards this window goes to the sign-in screen.
 */
export function RestoreConfirmModal({ path, onClose }: { path: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { signOut } = useSignedIn();
  // A backup whose checksum differs from the one recorded, or has none: said loudly (the error, in red),
  // and restored only once the person ticks that they have read it.
  const [unverified, setUnverified] = useState(false);
  const [accepted, setAccepted] = useState(false);

  async function restore() {
    let result;
    try {
      result = await api.call('backups.restore', { path, acceptUnverified: accepted });
    } catch (err) {
      if (err instanceof ApiError && err.code.startsWith('backups.checksum_')) setUnverified(true);
      throw err;
    }
    const { savedCurrentAs, damagedKeptAs, keyMissing } = result;
    const saved = damagedKeptAs ? t('backups.restore.doneDamagedKept', { path: damagedKeptAs }) : t('backups.restore.done', { path: savedCurrentAs });
    const message = keyMissing ? `${saved}\n${t('backups.restore.keyMissing')}` : saved;
    notifications.show({ color: keyMissing ? 'orange' : 'green', title: t('backups.restore.doneTitle'), message, autoClose: false });
    await signOut({ call: false, reason: message });
  }

  return (
    <ConfirmModal opened title={t('backups.restore.confirmTitle')} confirmLabel={t('backups.restore.confirm')} danger onClose={onClose} onConfirm={restore}>
      <Stack gap="sm">
        <Text size="sm">{t('backups.restore.from')}</Text>
        <Text size="sm" className="linli-mono">
          {path}
        </Text>
        <List size="sm" spacing={4}>
          <List.Item>{t('backups.restore.stepSave')}</List.Item>
          <List.Item>{t('backups.restore.stepReplace')}</List.Item>
          <List.Item>{t('backups.restore.stepSignOut')}</List.Item>
        </List>
        {unverified && (
          <Checkbox color="red" label={t('backups.restore.acceptUnverified')} checked={accepted} onChange={(e) => setAccepted(e.currentTarget.checked)} />
        )}
        <Text size="sm" fw={600}>
          {t('backups.restore.question')}
        </Text>
      </Stack>
    </ConfirmModal>
  );
}
