import { Alert, Card, Group, Rating, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TicketView } from '@shared/contract/hall';
import { useSignedIn } from '../../../app/session-context';
import { useHallToday } from '../../../components/today';
import { formatDateTimeShort } from '../../../i18n/format';
import { Field } from './Field';
import { RatingStars } from './RatingStars';

const subIndicators = ['efficiency', 'attitude', 'skill'] as const;

/** 好差评: the level and sub-indicators the applicant gave, their comment, and for a 差评 its 回访. */
export function RatingCard({ ticket }: { ticket: TicketView }) {
  const { t } = useTranslation();
  const { settings } = useSignedIn();
  const today = useHallToday();
  const { rating, followUp } = ticket;
  if (!rating) return null;
  const owed = rating.bad && !followUp;
  return (
    <Card withBorder padding="md">
      <Title order={3} fz="md" mb="sm">
        {t('hall.detail.rating')}
      </Title>
      <Stack gap="sm">
        <Group justify="space-between">
          <RatingStars level={rating.level} size="md" />
          <Text size="xs" c="dimmed">
            {formatDateTimeShort(rating.ratedAt, settings.timeZone)}
          </Text>
        </Group>
        <SimpleGrid cols={3} spacing="xs">
          {subIndicators.map((k) => (
            <Stack key={k} gap={2}>
              <Text size="xs" c="dimmed">
                {t(`hall.rating.${k}`)}
              </Text>
              {rating[k] === null ? (
                <Text size="sm" c="dimmed">
                  {t('hall.rating.notAsked')}
                </Text>
              ) : (
                <Rating value={rating[k] ?? 0} readOnly size="xs" aria-label={String(rating[k])} />
              )}
            </Stack>
          ))}
        </SimpleGrid>
        {rating.comment && <Field label={t('hall.rating.comment')}>{rating.comment}</Field>}
        {owed && rating.followUpDueOn && (
          <Alert color="red" variant="light">
            {t(rating.followUpDueOn < today ? 'hall.detail.followUpLate' : 'hall.detail.followUpOwed', { date: rating.followUpDueOn })}
          </Alert>
        )}
        {followUp && (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
            <Field label={t('hall.followUp.contactedOn')}>{followUp.contactedOn}</Field>
            <Field label={t('hall.followUp.by')}>
              {t('hall.followUp.byAt', { name: followUp.byName, at: formatDateTimeShort(followUp.at, settings.timeZone) })}
            </Field>
            <Field label={t('hall.followUp.verified')} span>
              {followUp.verified}
            </Field>
            <Field label={t('hall.followUp.rectification')} span>
              {followUp.rectification}
            </Field>
            <Field label={t('hall.followUp.feedback')} span>
              {followUp.feedback}
            </Field>
          </SimpleGrid>
        )}
      </Stack>
    </Card>
  );
}
