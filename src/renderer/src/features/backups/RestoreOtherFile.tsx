import { useState } from 'react';
import { Button, Group, TextInput } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';

/** A backup that is not in the list (copied from a USB stick): a file picker in the app, a path in a browser. */
export function RestoreOtherFile({ onChosen }: { onChosen: (path: string) => void }) {
  const { t } = useTranslation();
  const chooseBackupFile = api.transport().chooseBackupFile;
  const [path, setPath] = useState('');

  if (chooseBackupFile) {
    return (
      <Group>
        <Button
          variant="default"
          leftSection={<IconFileImport size={16} />}
          onClick={() =>
            void chooseBackupFile().then((chosen) => {
              if (chosen) onChosen(chosen);
            })
          }
        >
          {t('backups.restore.chooseFile')}
        </Button>
      </Group>
    );
  }
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (path.trim()) onChosen(path.trim());
      }}
    >
      <Group align="flex-end">
        <TextInput
          label={t('backups.restore.pathLabel')}
          description={t('backups.restore.pathHint')}
          value={path}
          onChange={(e) => setPath(e.currentTarget.value)}
          w={520}
        />
        <Button type="submit" variant="default" disabled={!path.trim()}>
          {t('backups.restore.usePath')}
        </Button>
      </Group>
    </form>
  );
}
