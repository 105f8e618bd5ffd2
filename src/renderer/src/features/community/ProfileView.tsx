import { Card, Image, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CommunityProfile } from '@shared/contract/community';
import { useSignedIn } from '../../app/session-context';
import { formatDateTime } from '../../i18n/format';

/** The profile as it will be printed on documents. */
export function ProfileView({ profile }: { profile: CommunityProfile }) {
  const { t } = useTranslation();
  const { settings } = useSignedIn();
  const rows: [string, string][] = [
    [t('community.fields.communityName'), profile.communityName],
    [t('community.fields.streetOffice'), profile.streetOffice],
    [t('community.fields.unitName'), profile.unitName],
    [t('community.fields.address'), profile.address],
    [t('community.fields.servicePhone'), profile.servicePhone],
    [t('community.fields.complaintPhone'), profile.complaintPhone],
  ];
  return (
    <Card withBorder padding="lg">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
        <Stack gap="sm" component="dl" m={0}>
          {rows.map(([label, value]) => (
            <div key={label}>
              <Text component="dt" size="xs" c="dimmed">
                {label}
              </Text>
              <Text component="dd" m={0}>
                {value || t('common.notSet')}
              </Text>
            </div>
          ))}
        </Stack>
        <Stack gap="xs">
          <Text size="xs" c="dimmed">
            {t('community.fields.sealImage')}
          </Text>
          {profile.sealImage ? (
            <Image src={profile.sealImage} alt={t('community.seal.previewAlt')} h={140} w={140} fit="contain" />
          ) : (
            <Text>{t('community.seal.none')}</Text>
          )}
          <Text size="xs" c="dimmed" mt="md">
            {t('community.updatedAt', { when: formatDateTime(profile.updatedAt, settings.timeZone) })}
          </Text>
        </Stack>
      </SimpleGrid>
    </Card>
  );
}
