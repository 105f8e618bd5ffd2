import { useRef, useState } from 'react';
import { Autocomplete, Divider, Modal, NumberInput, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { serviceInput, type HallService } from '@shared/contract/hall';
import { api } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormFooter } from '../../../components/form/FormFooter';
import { schemaErrors } from '../../../components/form/schema-errors';
import { applyServerErrors } from '../../../components/form/server-errors';
import { useForm } from '../../../components/form/use-form';
import { MaterialsEditor, materialRow, type MaterialRow } from './MaterialsEditor';

const distinct = (values: string[]) => [...new Set(values.filter(Boolean))].sort((a, b) => a.localeCompare(b, 'zh-CN'));

/**
 * 新增事项 / 编辑事项: every field the 办事指南 publishes (basis, conditions, time limit, fee, place,
 * contact) and its materials. The code is what the board and the receipts show; tickets already
 * registered keep the service as it was when they were registered.
 */
export function ServiceModal({
  service,
  known,
  onClose,
  onSaved,
}: {
  service: HallService | null;
  /** The catalogue as listed, for the category and department suggestions. */
  known: HallService[];
  onClose: () => void;
  onSaved: (saved: HallService) => void;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const [materials, setMaterials] = useState<MaterialRow[]>(() => (service?.materials ?? []).map((m) => materialRow(m)));
  // The form's validation reads the rows as they are when it runs, not as they were when it was declared.
  const current = useRef(materials);
  current.current = materials;
  const plainMaterials = () => current.current.map(({ key: _key, ...m }) => m);
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: {
      code: service?.code ?? '',
      name: service?.name ?? '',
      category: service?.category ?? '',
      department: service?.department ?? '',
      timeLimitDays: service?.timeLimitDays ?? 5,
      fee: service?.fee ?? '',
      place: service?.place ?? '',
      contact: service?.contact ?? '',
      legalBasis: service?.legalBasis ?? '',
      conditions: service?.conditions ?? '',
    },
    validate: (v) => schemaErrors(t, serviceInput, { ...v, fee: v.fee.trim() || undefined, materials: plainMaterials() }),
  });

  const submit = form.onSubmit(async (v) => {
    setError(null);
    try {
      // An empty fee takes the contract's default (不收费), which the field shows as its placeholder.
      const saved = await api.call('hall.saveService', { ...v, fee: v.fee.trim() || undefined, id: service?.id, materials: plainMaterials() });
      onSaved(saved);
      onClose();
    } catch (err) {
      if (!applyServerErrors(t, form, err)) setError(err);
    }
  });

  const field = (path: keyof ReturnType<typeof form.getValues>) => ({ key: form.key(path), ...form.getInputProps(path) });

  return (
    <Modal
      opened
      onClose={onClose}
      title={service ? t('hall.catalogue.editTitle', { name: service.name }) : t('hall.catalogue.new')}
      size={1000}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label={t('hall.catalogue.fields.code')} description={t('hall.catalogue.fields.codeHint')} data-autofocus required {...field('code')} />
            <TextInput label={t('hall.catalogue.fields.name')} required {...field('name')} />
            <Autocomplete label={t('hall.catalogue.fields.category')} data={distinct(known.map((s) => s.category))} {...field('category')} />
            <Autocomplete
              label={t('hall.catalogue.fields.department')}
              description={t('hall.catalogue.fields.departmentHint')}
              data={distinct(known.map((s) => s.department))}
              required
              {...field('department')}
            />
            <NumberInput
              label={t('hall.catalogue.fields.timeLimitDays')}
              description={t('hall.catalogue.fields.timeLimitHint')}
              min={0}
              max={180}
              allowDecimal={false}
              required
              {...field('timeLimitDays')}
            />
            <TextInput label={t('hall.catalogue.fields.fee')} placeholder={t('hall.catalogue.fields.feePlaceholder')} {...field('fee')} />
            <TextInput label={t('hall.catalogue.fields.place')} {...field('place')} />
            <TextInput label={t('hall.catalogue.fields.contact')} {...field('contact')} />
          </SimpleGrid>
          <Textarea label={t('hall.catalogue.fields.legalBasis')} autosize minRows={2} maxRows={5} {...field('legalBasis')} />
          <Textarea label={t('hall.catalogue.fields.conditions')} autosize minRows={2} maxRows={6} {...field('conditions')} />
          <Divider />
          <MaterialsEditor rows={materials} onChange={setMaterials} errors={form.errors} />
          <ErrorAlert error={error} />
          <FormFooter submitting={form.submitting} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
