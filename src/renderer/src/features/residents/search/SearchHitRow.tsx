import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '@shared/contract/residents';
import { matchedByLabel } from '../common/terms';

/** One hit: name, masked ID and phone, the address, and why it matched (拼音首字母, 证件号后几位 …). */
export function SearchHitRow({ hit }: { hit: SearchHit }) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" wrap="nowrap" w="100%" gap="md">
      <Stack gap={0} miw={0}>
        <Group gap={8} wrap="nowrap">
          <Text fw={600} size="md">
            {hit.name}
          </Text>
          {hit.archived && (
            <Badge size="xs" color="gray" variant="filled">
              {t('residents.archived.archived')}
            </Badge>
          )}
          <Text size="sm" ff="monospace" c="dimmed">
            {hit.idMasked}
          </Text>
          {hit.phoneMasked && (
            <Text size="sm" ff="monospace" c="dimmed">
              {hit.phoneMasked}
            </Text>
          )}
        </Group>
        <Text size="sm" c="dimmed" truncate="end">
          {hit.address || t('residents.search.noAddress')}
        </Text>
      </Stack>
      <Badge variant="light" color="indigo" size="sm" style={{ flexShrink: 0 }}>
        {matchedByLabel(t, hit.matchedBy)}
      </Badge>
    </Group>
  );
}
