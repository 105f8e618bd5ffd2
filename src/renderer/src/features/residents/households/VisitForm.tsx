import { useState } from 'react';
import { Button, Checkbox, Group, Input, Radio, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { visitOutcomes } from '@shared/contract/residents';
import { api } from '../../../api/client';
import { useSignedIn } from '../../../app/session-context';
import { useForm } from '../../../components/form/use-form';
import { applyServerErrors } from '../../../components/form/server-errors';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { DateField } from '../../../components/DateField';
import { todayIn } from '../../../components/today';
import { checklistKeys, type ChecklistKey } from './visit-labels';
import { checklistLabel, outcomeLabel } from '../common/terms';

interface VisitValues {
  visitedOn: string | null;
  outcome: (typeof visitOutcomes)[number];
  checklist: Record<ChecklistKey, boolean>;
  notes: string;
  followUp: boolean;
  followUpNote: string;
}

/** 登记走访: today by default, the outcome, the 四清 checklist, notes and whether someone must follow up. */
export function VisitForm({ householdId, onSaved }: { householdId: string; onSaved: () => void }) {
  const { t } = useTranslation();
  const { settings } = useSignedIn();
  const today = todayIn(settings.timeZone);
  const [followUp, setFollowUp] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const initialValues: VisitValues = {
    visitedOn: today,
    outcome: 'met',
    checklist: { family: false, category: false, facilities: false, hazards: false },
    notes: '',
    followUp: false,
    followUpNote: '',
  };
  const form = useForm<VisitValues>({
    mode: 'uncontrolled',
    initialValues,
    validate: (v) => ({ visitedOn: v.visitedOn ? null : t('errors.contract.required') }),
  });

  const submit = form.onSubmit(async (v) => {
    setError(null);
    try {
      const saved = await api.call('residents.recordVisit', {
        householdId,
        visitedOn: v.visitedOn!,
        outcome: v.outcome,
        checklist: v.checklist,
        notes: v.notes.trim(),
        followUp: v.followUp,
        followUpNote: v.followUp ? v.followUpNote.trim() : '',
      });
      notifications.show({ color: 'green', message: t('residents.visits.saved', { next: saved.nextVisitDue }) });
      form.reset();
      setFollowUp(false);
      onSaved();
    } catch (err) {
      if (!applyServerErrors(t, form, err)) setError(err);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <DateField label={t('residents.visits.visitedOn')} maxDate={today} key={form.key('visitedOn')} {...form.getInputProps('visitedOn')} />
        <Radio.Group label={t('residents.visits.outcomeLabel')} key={form.key('outcome')} {...form.getInputProps('outcome')}>
          <Group gap="md" mt={4}>
            {visitOutcomes.map((o) => (
              <Radio key={o} value={o} label={outcomeLabel(t, o)} />
            ))}
          </Group>
        </Radio.Group>
        <Stack gap={6} role="group" aria-labelledby="visit-checklist-label">
          <Input.Label id="visit-checklist-label">{t('residents.visits.checklistLabel')}</Input.Label>
          <Group gap="md">
            {checklistKeys.map((k) => (
              <Checkbox key={form.key(`checklist.${k}`)} label={checklistLabel(t, k)} {...form.getInputProps(`checklist.${k}`, { type: 'checkbox' })} />
            ))}
          </Group>
        </Stack>
        <Textarea label={t('residents.visits.notes')} autosize minRows={2} maxLength={2000} key={form.key('notes')} {...form.getInputProps('notes')} />
        <Checkbox
          label={t('residents.visits.followUp')}
          key={form.key('followUp')}
          {...form.getInputProps('followUp', { type: 'checkbox' })}
          onChange={(e) => {
            form.setFieldValue('followUp', e.currentTarget.checked);
            setFollowUp(e.currentTarget.checked);
          }}
        />
        {followUp && (
          <TextInput label={t('residents.visits.followUpNoteLabel')} maxLength={500} key={form.key('followUpNote')} {...form.getInputProps('followUpNote')} />
        )}
        <ErrorAlert error={error} />
        <Group justify="flex-end">
          <Button type="submit" loading={form.submitting}>
            {t('residents.visits.record')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
