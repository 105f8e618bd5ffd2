import type { FormEventHandler, ReactNode } from 'react';
import { Modal, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../../components/ErrorAlert';
import { FormFooter } from '../../../../components/form/FormFooter';

/**
 * The frame of every ticket action: a titled dialog holding one form, the server's refusal said under the
 * fields (the dialog stays open on a refusal), 取消 and the action's own button.
 */
export function ActionModal({
  title,
  saveLabel,
  danger,
  submitting,
  error,
  onSubmit,
  onClose,
  children,
}: {
  title: string;
  saveLabel: string;
  danger?: boolean;
  submitting: boolean;
  error: unknown;
  onSubmit: FormEventHandler<HTMLFormElement>;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onClose} title={title} centered size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          {children}
          <ErrorAlert error={error} />
          <FormFooter submitting={submitting} onCancel={onClose} saveLabel={saveLabel} danger={danger} />
        </Stack>
      </form>
    </Modal>
  );
}
