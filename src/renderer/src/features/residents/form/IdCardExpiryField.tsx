import { Checkbox, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/DateField';

interface IdCardExpiryFieldProps {
  date: { value: string | null; onChange: (v: string | null) => void; error?: string };
  longTerm: { checked: boolean; onChange: (checked: boolean) => void; error?: string };
  /** 长期有效 exists for a 居民身份证 only. */
  canBeLongTerm: boolean;
}

/**
 * 身份证有效期至, with 长期有效 beside it: a long-term card has no date, so ticking it clears and disables
 * the date. An empty date without the tick means "not known", which the register keeps apart.
 */
export function IdCardExpiryField({ date, longTerm, canBeLongTerm }: IdCardExpiryFieldProps) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" align="flex-start" wrap="nowrap">
      <DateField
        label={t('residents.fields.idCardExpiresOn')}
        clearable
        disabled={longTerm.checked}
        value={date.value}
        onChange={date.onChange}
        error={date.error}
        style={{ flex: 1 }}
      />
      {canBeLongTerm && (
        <Checkbox
          label={t('residents.fields.idCardLongTerm')}
          checked={longTerm.checked}
          onChange={(e) => longTerm.onChange(e.currentTarget.checked)}
          error={longTerm.error}
          mt={32}
        />
      )}
    </Group>
  );
}
