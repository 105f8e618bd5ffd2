import type { ReactNode } from 'react';
import { useState } from 'react';
import { Alert, Button, Checkbox, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/DateField';

/**
 * 容缺受理 asks two things before the ticket is registered: the date the applicant will bring the missing
 * items by (补正期限), and that the applicant has signed the pledge (容缺承诺书, 安阳条例 第24条).
 */
export function DeficientModal({
  missing,
  today,
  dueOn,
  busy,
  error,
  onClose,
  onConfirm,
}: {
  missing: string[];
  today: string;
  /** The promised date: the materials must come before it (the decision rests on the complete file). */
  dueOn: string | null;
  busy: boolean;
  error: ReactNode;
  onClose: () => void;
  onConfirm: (supplementBy: string) => void;
}) {
  const { t } = useTranslation();
  const [by, setBy] = useState<string | null>(null);
  const [signed, setSigned] = useState(false);
  const [checked, setChecked] = useState(false);
  const dateError = !by
    ? t('hall.counter.supplementByRequired')
    : !/^\d{4}-\d{2}-\d{2}$/.test(by) || by < today
      ? t('hall.counter.supplementByPast')
      : dueOn && by > dueOn
        ? t('hall.counter.supplementByAfterDue', { date: dueOn })
        : null;
  const pledgeError = signed ? null : t('hall.counter.pledgeRequired');
  function confirm() {
    setChecked(true);
    if (!dateError && !pledgeError && by) onConfirm(by);
  }
  return (
    <Modal opened onClose={onClose} title={t('hall.counter.deficientTitle')} centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={(e) => (e.preventDefault(), confirm())} noValidate>
        <Stack gap="sm">
          <Text size="sm">{t('hall.counter.deficientItems')}</Text>
          <List size="sm" withPadding>
            {missing.map((m) => (
              <List.Item key={m}>{m}</List.Item>
            ))}
          </List>
          <DateField
            label={t('hall.counter.supplementBy')}
            description={dueOn ? t('hall.counter.supplementByHint', { date: dueOn }) : undefined}
            value={by}
            onChange={setBy}
            minDate={today}
            maxDate={dueOn ?? undefined}
            error={checked ? dateError : undefined}
            required
            data-autofocus
          />
          <Checkbox
            label={t('hall.counter.pledgeSigned')}
            checked={signed}
            onChange={(e) => setSigned(e.currentTarget.checked)}
            error={checked ? pledgeError : undefined}
          />
          {error && (
            <Alert color="red" variant="light" role="alert">
              {error}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={busy}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="orange" loading={busy}>
              {t('hall.outcomes.accept_deficient')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
