import { useState } from 'react';
import { Badge, ColorSwatch, Group, Modal, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Tag } from '@shared/contract/residents';
import { api } from '../../../api/client';
import { useForm } from '../../../components/form/use-form';
import { applyServerErrors } from '../../../components/form/server-errors';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormFooter } from '../../../components/form/FormFooter';
import { colourLabel, tagColours } from '../common/terms';

/** A tag: a short name and one of the theme's colours, so it looks the same on every screen. */
export function TagModal({ tag, onClose, onSaved }: { tag: Tag | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const [preview, setPreview] = useState({ name: tag?.name ?? '', colour: tag?.colour ?? 'blue' });
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { name: tag?.name ?? '', colour: tag?.colour ?? 'blue', sort: tag?.sort ?? 0 },
    validate: (v) => ({
      name: v.name.trim() ? (v.name.trim().length > 12 ? t('errors.contract.too_long', { max: 12 }) : null) : t('errors.contract.required'),
    }),
  });

  const submit = form.onSubmit(async (v) => {
    setError(null);
    try {
      await api.call('residents.saveTag', { id: tag?.id, name: v.name.trim(), colour: v.colour, sort: Number(v.sort) || 0 });
      onSaved();
      onClose();
    } catch (err) {
      if (!applyServerErrors(t, form, err)) setError(err);
    }
  });

  const nameProps = form.getInputProps('name');
  const colourProps = form.getInputProps('colour');
  return (
    <Modal
      opened
      onClose={onClose}
      title={tag ? t('residents.places.editTag', { name: tag.name }) : t('residents.places.newTag')}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label={t('residents.places.tagName')}
            data-autofocus
            maxLength={12}
            key={form.key('name')}
            {...nameProps}
            onChange={(e) => {
              // Read now: the updater runs later, when React has already cleared e.currentTarget (typing crashed).
              const name = e.currentTarget.value;
              nameProps.onChange(e);
              setPreview((p) => ({ ...p, name }));
            }}
          />
          <Select
            label={t('residents.places.tagColour')}
            data={tagColours.map((c) => ({ value: c, label: colourLabel(t, c) }))}
            allowDeselect={false}
            leftSection={<ColorSwatch color={`var(--mantine-color-${preview.colour}-6)`} size={14} />}
            renderOption={({ option }) => (
              <Group gap="xs">
                <ColorSwatch color={`var(--mantine-color-${option.value}-6)`} size={14} />
                {option.label}
              </Group>
            )}
            key={form.key('colour')}
            {...colourProps}
            onChange={(v) => (colourProps.onChange(v), setPreview((p) => ({ ...p, colour: v ?? 'blue' })))}
            comboboxProps={{ withinPortal: true }}
          />
          <NumberInput
            label={t('residents.places.tagSort')}
            description={t('residents.places.tagSortHint')}
            allowDecimal={false}
            key={form.key('sort')}
            {...form.getInputProps('sort')}
          />
          <Group gap="xs">
            {t('residents.places.preview')}
            <Badge color={preview.colour} variant="light" radius="sm">
              {preview.name || t('residents.places.tagName')}
            </Badge>
          </Group>
          <ErrorAlert error={error} />
          <FormFooter submitting={form.submitting} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
