import { Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../../app/session-context';
import { ResidentPicker } from '../../residents';

export interface Applicant {
  /** A resident of the registry, or a walk-in (来访人) typed in. */
  mode: 'resident' | 'walkin';
  residentId: string | null;
  name: string;
  idNumber: string;
  phone: string;
}

/** Numbers in a fixed-width face, the label and hint in the form's own. */
const mono = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } };

export const noApplicant: Applicant = { mode: 'resident', residentId: null, name: '', idNumber: '', phone: '' };

/**
 * 申请人: a resident picked from the registry (their ID number is the registry's, never typed again), or a
 * walk-in's name, ID number and phone. Without residents.read only the walk-in's fields are offered.
 */
export function ApplicantFields({
  value,
  onChange,
  errors,
}: {
  value: Applicant;
  onChange: (next: Applicant) => void;
  errors: Record<string, string | undefined>;
}) {
  const { t } = useTranslation();
  const { can } = useSignedIn();
  const registry = can('residents.read');
  const mode = registry ? value.mode : 'walkin';
  const set = (patch: Partial<Applicant>) => onChange({ ...value, ...patch });
  return (
    <Stack gap="xs">
      <Group justify="space-between" align="flex-end" wrap="nowrap">
        <Text size="sm" fw={500}>
          {t('hall.counter.applicant')}
        </Text>
        {registry && (
          <SegmentedControl
            size="xs"
            value={mode}
            onChange={(m) => onChange({ ...noApplicant, mode: m as Applicant['mode'], phone: value.phone })}
            data={[
              { value: 'resident', label: t('hall.counter.applicantResident') },
              { value: 'walkin', label: t('hall.counter.applicantWalkIn') },
            ]}
            aria-label={t('hall.counter.applicantMode')}
          />
        )}
      </Group>
      {mode === 'resident' ? (
        <ResidentPicker
          label={t('hall.counter.resident')}
          value={value.residentId}
          onChange={(id, hit) => set({ residentId: id, name: hit?.name ?? '' })}
          error={errors.applicantName ?? errors.residentId}
          required
        />
      ) : (
        <Group grow align="flex-start" wrap="wrap">
          <TextInput
            label={t('hall.counter.applicantName')}
            value={value.name}
            onChange={(e) => set({ name: e.currentTarget.value })}
            error={errors.applicantName}
            required
            miw={140}
          />
          <TextInput
            label={t('hall.counter.applicantIdNumber')}
            value={value.idNumber}
            onChange={(e) => set({ idNumber: e.currentTarget.value })}
            error={errors.applicantIdNumber}
            styles={mono}
            miw={200}
            autoComplete="off"
          />
        </Group>
      )}
      <TextInput
        label={t('hall.counter.applicantPhone')}
        description={mode === 'resident' ? t('hall.counter.applicantPhoneHint') : undefined}
        value={value.phone}
        onChange={(e) => set({ phone: e.currentTarget.value })}
        error={errors.applicantPhone}
        styles={mono}
        maw={260}
        autoComplete="off"
      />
    </Stack>
  );
}
