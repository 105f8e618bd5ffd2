import { useState } from 'react';
import { Button, Checkbox, Group, Modal, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { assemblyForms, bodyKinds, thresholds, type AssemblyForm, type BodyKind, type QuorumRule, type Threshold } from '@shared/contract/council';
import { api } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';

/** 新建议事组织: its kind sets the statutory quorum and threshold (core fills them in). */
export function BodyModal({ onClose, onSaved }: { onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<BodyKind>('representatives');
  const [name, setName] = useState('');
  const [form, setForm] = useState<AssemblyForm | null>(null);
  // Left alone, core applies the statute's rule for the kind; a local rule may differ (configurable per body).
  const [custom, setCustom] = useState(false);
  const [quorum, setQuorum] = useState<QuorumRule>({ num: 1, den: 2, strict: true });
  const [threshold, setThreshold] = useState<Threshold>('present_majority');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  async function submit() {
    setBusy(true);
    setError(null);
    try {
      const rule = custom ? { quorum, defaultThreshold: threshold } : {};
      await api.call('council.saveBody', { kind, name, assemblyForm: kind === 'resident_assembly' ? form : null, ...rule });
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
        <Select
          label={t('council.bodies.kind')}
          data={bodyKinds.map((k) => ({ value: k, label: t(`council.kinds.${k}`) }))}
          value={kind}
          onChange={(v) => v && setKind(v as BodyKind)}
          allowDeselect={false}
        />
        {kind === 'resident_assembly' && (
          <Select
            label={t('council.bodies.form')}
            data={assemblyForms.map((f) => ({ value: f, label: t(`council.forms.${f}`) }))}
            value={form}
            onChange={(v) => setForm(v as AssemblyForm | null)}
          />
        )}
        <TextInput label={t('council.bodies.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required />
        <Checkbox label={t('council.bodies.customRule')} checked={custom} onChange={(e) => setCustom(e.currentTarget.checked)} />
        {custom ? (
          <>
            <Group grow align="flex-end">
              <Select
                label={t('council.bodies.quorumKind')}
                data={[
                  { value: 'strict', label: t('council.bodies.moreThan') },
                  { value: 'atLeast', label: t('council.bodies.atLeast') },
                ]}
                value={quorum.strict ? 'strict' : 'atLeast'}
                onChange={(v) => setQuorum({ ...quorum, strict: v === 'strict' })}
                allowDeselect={false}
              />
              <NumberInput
                label={t('council.bodies.numerator')}
                value={quorum.num}
                onChange={(n) => setQuorum({ ...quorum, num: Number(n) || 1 })}
                min={1}
                max={100}
                allowDecimal={false}
              />
              <NumberInput
                label={t('council.bodies.denominator')}
                value={quorum.den}
                onChange={(n) => setQuorum({ ...quorum, den: Number(n) || 1 })}
                min={1}
                max={100}
                allowDecimal={false}
              />
            </Group>
            <Select
              label={t('council.motions.threshold')}
              data={thresholds.map((x) => ({ value: x, label: t(`council.thresholds.${x}`) }))}
              value={threshold}
              onChange={(x) => x && setThreshold(x as Threshold)}
              allowDeselect={false}
            />
          </>
        ) : (
          <Text size="xs" c="dimmed">
            {t('council.bodies.statutoryRule')}
          </Text>
        )}
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
