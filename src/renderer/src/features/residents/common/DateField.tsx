import { DateInput, type DateInputProps } from '@mantine/dates';
import { useTranslation } from 'react-i18next';

/**
 * A calendar date typed as 2026-11-22 (what clerks copy from paper forms) with a picker for the mouse.
 * The value is the contract's `YYYY-MM-DD` string or null, never a Date, so no time zone can shift it.
 */
export function DateField(props: Omit<DateInputProps, 'valueFormat'>) {
  const { t } = useTranslation();
  return <DateInput valueFormat="YYYY-MM-DD" placeholder={t('residents.common.datePlaceholder')} popoverProps={{ withinPortal: true }} {...props} />;
}
