import { Anchor, Badge, Card, Grid, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconChevronLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { useSignedIn } from '../../../app/session-context';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useLoad } from '../../../components/use-load';
import { formatDateTimeShort } from '../../../i18n/format';
import { buildingHref, residentListHref } from '../common/hrefs';
import { genderLabel } from '../common/labels';
import { StatusBadge } from '../common/StatusBadge';
import { HouseholdCard } from './HouseholdCard';
import { IdCardExpiryAlert } from './IdCardExpiryAlert';
import { IdentityFacts, ResidenceFacts } from './ResidentFacts';
import { ResidentActions } from './ResidentActions';
import { ResidentTimeline } from './ResidentTimeline';
import { TagsEditor } from './TagsEditor';

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Card withBorder padding="md">
      <Title order={3} fz="h5" mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

/** A resident's page: every field, the household, tags, life-event actions, and the history. */
export function ResidentPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { settings } = useSignedIn();
  const { data, error, loading, reload } = useLoad(() => api.call('residents.get', { id }), [id]);

  if (loading && !data) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (!data) return <ErrorAlert error={error} />;
  const r = data.resident;
  // After any change the whole page is read again: the history gained an entry too.
  const changed = () => void reload();

  return (
    <Stack gap="md" maw={1400}>
      <Anchor href={residentListHref()} size="sm">
        <Group gap={4}>
          <IconChevronLeft size={14} />
          {t('residents.detail.backToList')}
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={6}>
          <Group gap="sm" align="center">
            <Title order={2} fz="h2">
              {r.name}
            </Title>
            <Text size="lg" c="dimmed">
              {[genderLabel(t, r.gender), r.age !== null ? t('residents.detail.age', { age: r.age }) : null].filter(Boolean).join(' · ')}
            </Text>
            <StatusBadge row={r} size="lg" />
          </Group>
          <Group gap="xs">
            {r.formerNames && (
              <Badge variant="outline" color="gray" size="sm">
                {t('residents.detail.formerNames', { names: r.formerNames })}
              </Badge>
            )}
            <Text size="xs" c="dimmed">
              {t('residents.detail.updated', { at: formatDateTimeShort(r.updatedAt, settings.timeZone) })}
            </Text>
          </Group>
        </Stack>
        <ResidentActions resident={r} onChanged={changed} />
      </Group>
      <ErrorAlert error={error} />
      <IdCardExpiryAlert r={r} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            <Section title={t('residents.detail.identity')}>
              <IdentityFacts r={r} />
            </Section>
            <Section title={t('residents.detail.residence')}>
              <ResidenceFacts r={r} buildingHref={r.buildingId ? buildingHref(r.buildingId) : null} />
            </Section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <Section title={t('residents.detail.household')}>
              <HouseholdCard r={r} />
            </Section>
            <Section title={t('residents.fields.tags')}>
              <TagsEditor resident={r} onSaved={changed} />
            </Section>
            <Section title={t('residents.detail.history')}>
              <ResidentTimeline events={data.timeline} />
            </Section>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
