import { MultiSelect, type MultiSelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { roles } from '@shared/permissions';

/** The roles, by their names in the user's language. */
export function RolesSelect(props: Omit<MultiSelectProps, 'data' | 'label'>) {
  const { t } = useTranslation();
  return (
    <MultiSelect
      label={t('users.fields.roles')}
      description={t('users.hints.roles')}
      data={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
      placeholder={t('users.rolesPlaceholder')}
      comboboxProps={{ withinPortal: true }}
      hidePickedOptions={false}
      clearable={false}
      {...props}
    />
  );
}
