import { Checkbox, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { roles, type Role } from '@shared/permissions';

interface RolesSelectProps {
  defaultValue?: Role[];
  onChange?: (value: unknown) => void;
  error?: string;
}

/**
 * The roles as a group of checkboxes: all six in view at once, Tab and Space to choose, and each box
 * labelled by the role's name in the user's language.
 */
export function RolesSelect({ defaultValue, onChange, error }: RolesSelectProps) {
  const { t } = useTranslation();
  return (
    <Checkbox.Group label={t('users.fields.roles')} description={t('users.hints.roles')} defaultValue={defaultValue} onChange={onChange} error={error}>
      <SimpleGrid cols={2} spacing="xs" verticalSpacing="xs" mt="xs">
        {roles.map((r) => (
          <Checkbox key={r} value={r} label={t(`roles.${r}`)} />
        ))}
      </SimpleGrid>
    </Checkbox.Group>
  );
}
