import { Badge, Group, Stack, Text } from '@mantine/core';
import { IconHome } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { HouseholdHit, ResidentHit, SearchHit } from '@shared/contract/residents';
import { matchedByLabel } from '../common/terms';

/** One hit: a resident or a household, and why it matched (拼音首字母, 证件号后几位, 户号 …). */
export function SearchHitRow({ hit }: { hit: SearchHit }) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" wrap="nowrap" w="100%" gap="md">
      {hit.type === 'resident' ? <ResidentLines hit={hit} /> : <HouseholdLines hit={hit} />}
      <Badge variant="light" color={hit.type === 'household' ? 'teal' : 'indigo'} size="sm" style={{ flexShrink: 0 }}>
        {matchedByLabel(t, hit.matchedBy)}
      </Badge>
    </Group>
  );
}

function ArchivedBadge() {
  const { t } = useTranslation();
  return (
    <Badge size="xs" color="gray" variant="filled">
      {t('residents.archived.archived')}
    </Badge>
  );
}

function ResidentLines({ hit }: { hit: ResidentHit }) {
  const { t } = useTranslation();
  return (
    <Stack gap={0} miw={0}>
      <Group gap={8} wrap="nowrap">
        <Text fw={600} size="md">
          {hit.name}
        </Text>
        {hit.archived && <ArchivedBadge />}
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
  );
}

/** 户号 H-3-2-501 · 户主 张三 · 3 人, and where the household lives. */
function HouseholdLines({ hit }: { hit: HouseholdHit }) {
  const { t } = useTranslation();
  return (
    <Stack gap={0} miw={0}>
      <Group gap={8} wrap="nowrap">
        <IconHome size={16} stroke={1.8} aria-hidden />
        <Text fw={600} size="md">
          {t('residents.household.title', { number: hit.number })}
        </Text>
        {hit.archived && <ArchivedBadge />}
        <Text size="sm" c="dimmed">
          {t('residents.search.householdHead', { head: hit.headName ?? t('residents.household.noHead'), count: hit.members })}
        </Text>
      </Group>
      <Text size="sm" c="dimmed" truncate="end">
        {hit.address || t('residents.household.noHouse')}
      </Text>
    </Stack>
  );
}
