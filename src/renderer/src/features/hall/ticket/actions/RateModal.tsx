import { Group, Radio, Rating, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { hall, isBadRating, ratingLevels, type TicketView } from '@shared/contract/hall';
import { api } from '../../../../api/client';
import { ratingLabel } from '../../labels';
import { ActionModal } from './ActionModal';
import { useTicketForm } from './use-ticket-form';

const subIndicators = ['efficiency', 'attitude', 'skill'] as const;

/** 0 on a sub-indicator's stars means the applicant was not asked it. */
const orNull = (n: number) => (n >= 1 && n <= 5 ? n : null);

/**
 * 好差评, 一次一评: the applicant's level (非常满意 … 非常不满意; the bottom two are 差评 and owe a follow-up),
 * the three sub-indicators of GB/T 39734 if they answer them, a comment. Voluntary: nothing but the level
 * is asked for, and the level is theirs.
 */
export function RateModal({ ticket, onClose, onDone }: { ticket: TicketView; onClose: () => void; onDone: (t: TicketView) => void }) {
  const { t } = useTranslation();
  const input = (v: { level: string; efficiency: number; attitude: number; skill: number; comment: string }) => ({
    level: v.level ? Number(v.level) : undefined,
    efficiency: orNull(v.efficiency),
    attitude: orNull(v.attitude),
    skill: orNull(v.skill),
    comment: v.comment,
  });
  const { form, submit, error } = useTicketForm({
    ticketId: ticket.id,
    schema: hall['hall.rate'].input,
    initialValues: { level: '', efficiency: 0, attitude: 0, skill: 0, comment: '' },
    toInput: input,
    write: (v) => api.call('hall.rate', { id: ticket.id, ...input(v), level: Number(v.level) }),
    onDone,
  });
  return (
    <ActionModal
      title={t('hall.actions.rate')}
      saveLabel={t('hall.actions.rateSave')}
      submitting={form.submitting}
      error={error}
      onSubmit={submit}
      onClose={onClose}
    >
      <Text size="sm" c="dimmed">
        {t('hall.actions.rateExplain')}
      </Text>
      <Radio.Group label={t('hall.rating.level')} required key={form.key('level')} {...form.getInputProps('level')}>
        <Stack gap={6} mt={6}>
          {ratingLevels.map((level, i) => (
            <Radio
              key={level}
              value={String(level)}
              data-autofocus={i === 0 || undefined}
              label={
                <Group gap="xs" wrap="nowrap">
                  <Rating value={level} readOnly size="sm" color={isBadRating(level) ? 'red' : 'yellow'} aria-hidden />
                  <Text size="sm">{ratingLabel(t, level)}</Text>
                </Group>
              }
            />
          ))}
        </Stack>
      </Radio.Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {subIndicators.map((k) => (
          <Stack key={k} gap={4}>
            <Text size="sm" fw={500} id={`hall-rate-${k}`}>
              {t(`hall.rating.${k}`)}
            </Text>
            <Rating aria-labelledby={`hall-rate-${k}`} key={form.key(k)} {...form.getInputProps(k)} />
          </Stack>
        ))}
      </SimpleGrid>
      <Textarea label={t('hall.rating.comment')} autosize minRows={2} maxRows={6} key={form.key('comment')} {...form.getInputProps('comment')} />
    </ActionModal>
  );
}
