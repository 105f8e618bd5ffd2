import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { residentHref } from '../common/hrefs';
import type { IdOwner } from './use-id-owner';

/** 该证件号码已登记在居民 X 名下, with a link to that person: shown under the number as soon as it is known. */
export function IdOwnerNotice({ owner }: { owner: IdOwner }) {
  const { t } = useTranslation();
  return (
    <Text span size="xs" c="red.8">
      {t('errors.residents.duplicate_id', { name: owner.name })}
      {owner.archived ? t('residents.form.ownerArchived') : ''}{' '}
      <Anchor href={residentHref(owner.id)} size="xs" fw={600}>
        {t('residents.form.openOwner', { name: owner.name })}
      </Anchor>
    </Text>
  );
}
