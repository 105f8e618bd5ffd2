import { Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ResidentDetail } from '@shared/contract/residents';
import { codeValueLabel } from '../common/code-values';
import { householdHref } from '../common/hrefs';

/** 户: which household, the head, and this person's relation to the head; links to the household page. */
export function HouseholdCard({ r }: { r: ResidentDetail }) {
  const { t } = useTranslation();
  if (!r.household) {
    return (
      <Stack gap={4}>
        <Text size="sm" c="dimmed">
          {r.archived ? t('residents.detail.noHouseholdArchived') : t('residents.detail.noHousehold')}
        </Text>
        {r.unplacedReason && <Text size="sm">{t('residents.detail.unplacedReason', { reason: r.unplacedReason })}</Text>}
      </Stack>
    );
  }
  const h = r.household;
  const relation = codeValueLabel(t, 'relation_to_head', h.relationToHead);
  return (
    <Stack gap={4}>
      <Anchor href={householdHref(h.id)} fw={600}>
        {t('residents.detail.householdNumber', { number: h.number })}
      </Anchor>
      <Text size="sm">{t('residents.detail.householdHead', { name: h.headName ?? t('residents.household.noHead') })}</Text>
      <Text size="sm">{t('residents.detail.relation', { relation: relation || t('residents.common.unknown') })}</Text>
    </Stack>
  );
}
