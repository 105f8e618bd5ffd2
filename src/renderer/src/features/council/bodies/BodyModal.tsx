import { useState } from 'react';
import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { assemblyForms, bodyKinds, type AssemblyForm, type BodyKind } from '@shared/contract/council';
import { api } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';

/** 新建议事组织: its kind sets the statutory quorum and threshold (core fills them in). */
export function BodyModal({ onClose, onSaved }: { onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<BodyKind>('representatives');
  const [name, setName] = useState('');
  const [form, setForm] = useState<AssemblyForm | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  async function submit() {
    setBusy(true);
    setError(null);
    try {
      await api.call('council.saveBody', { kind, name, assemblyForm: kind === 'resident_assembly' ? form : null });
      onSaved();
      onClose();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal opened onClose={onClose} title={t('council.bodies.new')}>
      <Stack gap="sm">
        <ErrorAlert error={error} />
        <Select label={t('council.bodies.kind')} data={bodyKinds.map((k) => ({ value: k, label: t(`council.kinds.${k}`) }))} value={kind} onChange={(v) => v && setKind(v as BodyKind)} allowDeselect={false} />
        {kind === 'resident_assembly' && (
          <Select label={t('council.bodies.form')} data={assemblyForms.map((f) => ({ value: f, label: t(`council.forms.${f}`) }))} value={form} onChange={(v) => setForm(v as AssemblyForm | null)} />
        )}
        <TextInput label={t('council.bodies.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void submit()} loading={busy}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
