import { Checkbox, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * 暂不登记到户: a new resident is saved without a household only when this is ticked and a reason given
 * (the person is then on the 未登记到户 follow-up list). Ticking it clears the household.
 */
export function UnplacedField({
  checked,
  onCheckedChange,
  reason,
  error,
}: {
  checked: boolean;
  onCheckedChange: (checked: boolean) => void;
  reason: { value: string; onChange: (value: string) => void; error?: React.ReactNode };
  error?: React.ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={6}>
      <Checkbox
        label={t('residents.form.unplaced')}
        description={t('residents.form.unplacedHint')}
        checked={checked}
        onChange={(e) => onCheckedChange(e.currentTarget.checked)}
        error={error}
      />
      {checked && (
        <TextInput
          label={t('residents.form.unplacedReason')}
          placeholder={t('residents.form.unplacedReasonPlaceholder')}
          maxLength={200}
          value={reason.value}
          onChange={(e) => reason.onChange(e.currentTarget.value)}
          error={reason.error}
          data-path="unplacedReason"
        />
      )}
    </Stack>
  );
}
