import { useState } from 'react';
import { Badge, Button, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { importFields, type ImportMapping } from '@shared/contract/residents';
import { api } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useLoad } from '../../../components/use-load';
import { importFieldLabel } from './problem-text';

interface MappingEditorProps {
  headers: string[];
  mapping: ImportMapping;
  unmappedHeaders: string[];
  onChange: (mapping: ImportMapping) => void;
  /** The mapping differs from the one the preview was made with. */
  dirty: boolean;
  onApply: () => void;
  applying: boolean;
}

/**
 * Which column of the file fills which field. The server's guess comes pre-filled; a hall that imports
 * the same street-office sheet every month saves the mapping once and picks it next time.
 */
export function MappingEditor({ headers, mapping, unmappedHeaders, onChange, dirty, onApply, applying }: MappingEditorProps) {
  const { t } = useTranslation();
  const saved = useLoad(() => api.call('residents.importMappings', {}), []);
  const [name, setName] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  // Most files map a handful of fields: the rest fold away until asked for (or until a column is left over).
  const [showAll, setShowAll] = useState(false);
  const shown = showAll || unmappedHeaders.length > 0 ? importFields : importFields.filter((f) => mapping[f]);

  async function save() {
    setSaving(true);
    setError(null);
    try {
      const clean = Object.fromEntries(Object.entries(mapping).filter(([, h]) => h)) as Record<string, string>;
      await api.call('residents.saveImportMapping', { name: name.trim(), mapping: clean });
      notifications.show({ color: 'green', message: t('residents.import.mappingSaved', { name: name.trim() }) });
      setName('');
      await saved.reload();
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  }

  function pick(id: string | null) {
    const m = saved.data?.find((s) => s.id === id);
    // Only headers this file has: a saved mapping from another sheet may name columns it lacks.
    if (m) onChange(Object.fromEntries(Object.entries(m.mapping).filter(([, h]) => h && headers.includes(h))) as ImportMapping);
  }

  return (
    <Stack gap="sm">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select
          label={t('residents.import.savedMappings')}
          data={(saved.data ?? []).map((m) => ({ value: m.id, label: m.name }))}
          onChange={pick}
          placeholder={saved.data?.length ? t('residents.place.choose') : t('residents.import.noSavedMappings')}
          disabled={!saved.data?.length}
          w={220}
          clearable
        />
        <TextInput label={t('residents.import.mappingName')} value={name} onChange={(e) => setName(e.currentTarget.value)} maxLength={40} w={200} />
        <Button variant="default" leftSection={<IconDeviceFloppy size={16} />} onClick={() => void save()} loading={saving} disabled={!name.trim()}>
          {t('residents.import.saveMapping')}
        </Button>
        <Button leftSection={<IconRefresh size={16} />} onClick={onApply} loading={applying} disabled={!dirty} variant={dirty ? 'filled' : 'light'}>
          {t('residents.import.repreview')}
        </Button>
      </Group>
      <ErrorAlert error={error} />
      <SimpleGrid cols={{ base: 2, md: 4, lg: 5 }} spacing="sm" verticalSpacing={6}>
        {shown.map((field) => (
          <Select
            key={field}
            label={importFieldLabel(t, field)}
            data={headers}
            value={mapping[field] ?? null}
            onChange={(h) => onChange({ ...mapping, [field]: h ?? undefined })}
            clearable
            searchable
            selectFirstOptionOnChange
            size="xs"
            placeholder={t('residents.import.notMapped')}
            styles={mapping[field] ? undefined : { input: { borderStyle: 'dashed' } }}
            comboboxProps={{ withinPortal: true }}
          />
        ))}
      </SimpleGrid>
      {unmappedHeaders.length === 0 && (
        <Group>
          <Button variant="subtle" size="compact-sm" onClick={() => setShowAll((v) => !v)}>
            {showAll ? t('residents.import.showMapped') : t('residents.import.showAllFields', { count: importFields.length })}
          </Button>
        </Group>
      )}
      {unmappedHeaders.length > 0 && (
        <Group gap={6}>
          <Text size="sm" c="orange.8" fw={500}>
            {t('residents.import.unmapped', { count: unmappedHeaders.length })}
          </Text>
          {unmappedHeaders.map((h) => (
            <Badge key={h} color="orange" variant="outline" size="sm">
              {h}
            </Badge>
          ))}
        </Group>
      )}
    </Stack>
  );
}
