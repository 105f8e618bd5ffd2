import { Alert } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { translateError } from '../i18n/errors';

/** A failed call, said in the user's language, in red. Renders nothing without an error. */
export function ErrorAlert({ error, title, onClose }: { error: unknown; title?: string; onClose?: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert
      color="red"
      variant="light"
      role="alert"
      icon={<IconAlertTriangle size={18} />}
      title={title}
      withCloseButton={!!onClose}
      onClose={onClose}
      closeButtonLabel={t('common.close')}
    >
      {translateError(t, error)}
    </Alert>
  );
}
