import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * A dialog form's footer: 取消 and the submit button, which spins while the form's submit handler runs
 * (useForm's `submitting`) so a second click cannot save twice. `saveLabel` is for a submit that does
 * more than save (新建并生成房间); `danger` colours it red for a step that archives (迁出, 登记死亡).
 */
export function FormFooter({ submitting, onCancel, saveLabel, danger }: { submitting: boolean; onCancel: () => void; saveLabel?: string; danger?: boolean }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" color={danger ? 'red' : undefined} loading={submitting}>
        {saveLabel ?? t('common.save')}
      </Button>
    </Group>
  );
}
