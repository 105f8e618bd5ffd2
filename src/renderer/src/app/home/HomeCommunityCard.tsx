import { Button, Card, Group, Image, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useLoad } from '../../components/use-load';
import { ErrorAlert } from '../../components/ErrorAlert';
import { navigate } from '../router';

/** What the hall prints on its documents, at a glance: a wrong phone number is seen before it is printed. */
export function HomeCommunityCard() {
  const { t } = useTranslation();
  const { data, error, loading } = useLoad(() => api.call('community.profile', {}), []);
  const rows = data
    ? [
        [t('community.fields.streetOffice'), data.streetOffice],
        [t('community.fields.unitName'), data.unitName],
        [t('community.fields.address'), data.address],
        [t('community.fields.servicePhone'), data.servicePhone],
        [t('community.fields.complaintPhone'), data.complaintPhone],
      ]
    : [];
  return (
    <Card withBorder padding="lg">
      <Group justify="space-between" mb="sm">
        <Title order={3} fz="h5">
          {data?.communityName ?? t('home.communityTitle')}
        </Title>
        <Button variant="subtle" size="compact-sm" onClick={() => navigate('settings', 'profile')}>
          {t('home.communityManage')}
        </Button>
      </Group>
      {loading && !data && <Loader size="sm" aria-label={t('common.loading')} />}
      <ErrorAlert error={error} />
      {data && (
        <Group align="flex-start" justify="space-between" wrap="nowrap">
          <SimpleGrid cols={1} spacing={4}>
            {rows.map(([label, value]) => (
              <Text size="sm" key={label}>
                <Text span c="dimmed">
                  {t('common.labelColon', { label })}
                </Text>
                {value || t('common.notSet')}
              </Text>
            ))}
          </SimpleGrid>
          <Stack gap={2} align="center">
            {data.sealImage ? (
              <Image src={data.sealImage} alt={t('community.seal.previewAlt')} h={72} w={72} fit="contain" />
            ) : (
              <Text size="xs" c="dimmed">
                {t('community.seal.none')}
              </Text>
            )}
          </Stack>
        </Group>
      )}
    </Card>
  );
}
