import { useState } from 'react';
import { Button, Group, MultiSelect, Stack } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ResidentDetail } from '@shared/contract/residents';
import { api } from '../../../api/client';
import { useSignedIn } from '../../../app/session-context';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { TagBadges } from '../common/TagBadges';
import { useTags } from '../common/use-catalog';

/** The resident's tags, and (with residents.write) an editor that saves the whole set at once. */
export function TagsEditor({ resident, onSaved }: { resident: ResidentDetail; onSaved: (r: ResidentDetail) => void }) {
  const { t } = useTranslation();
  const { can } = useSignedIn();
  const [editing, setEditing] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const tags = useTags();

  function start() {
    setSelected(resident.tags.map((tag) => tag.id));
    setError(null);
    setEditing(true);
  }

  async function save() {
    setBusy(true);
    setError(null);
    try {
      onSaved(await api.call('residents.setTags', { id: resident.id, tagIds: selected }));
      setEditing(false);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  if (!editing) {
    return (
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <TagBadges tags={resident.tags} size="md" empty={t('residents.tags.none')} />
        {can('residents.write') && !resident.archived && (
          <Button size="compact-sm" variant="subtle" leftSection={<IconPencil size={14} />} onClick={start}>
            {t('residents.tags.edit')}
          </Button>
        )}
      </Group>
    );
  }
  return (
    <Stack gap="xs">
      <MultiSelect
        label={t('residents.fields.tags')}
        data={(tags.data ?? []).map((tag) => ({ value: tag.id, label: tag.name }))}
        value={selected}
        onChange={setSelected}
        searchable
        selectFirstOptionOnChange
        hidePickedOptions
        data-autofocus
        autoFocus
        comboboxProps={{ withinPortal: true }}
      />
      <ErrorAlert error={error} />
      <Group justify="flex-end" gap="xs">
        <Button size="xs" variant="default" onClick={() => setEditing(false)}>
          {t('common.cancel')}
        </Button>
        <Button size="xs" onClick={() => void save()} loading={busy}>
          {t('common.save')}
        </Button>
      </Group>
    </Stack>
  );
}
