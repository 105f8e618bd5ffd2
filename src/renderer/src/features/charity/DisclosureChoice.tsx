import { useId } from 'react';
import { SegmentedControl, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { disclosures, type Disclosure } from '@shared/contract/charity/common';
import type { Donor } from '@shared/contract/charity/donations';
import { publicDonorName } from '@shared/contract/charity/public-name';

/** The donor's own wish (公示方式) for a line: an unregistered envelope has no name to show, so 爱心人士 by default. */
export function defaultDisclosure(donor: Donor | null): Disclosure {
  return donor && donor.kind !== 'anonymous' ? donor.disclosure : 'caring';
}

/** What a public notice will print for this line: the core's own rule, run here as a preview. */
export function publicName(donor: Donor | null, disclosure: Disclosure): string {
  return publicDonorName(donor, disclosure);
}

/** Says under the line what the notice will print for it, and why 全名 is not offered. */
export function PublicNamePreview({ donor, value }: { donor: Donor | null; value: Disclosure }) {
  const { t } = useTranslation();
  const named = !!donor && donor.kind !== 'anonymous';
  return (
    <Text size="xs" c="dimmed" data-testid="batch-public-name">
      {t('charity.entry.publicAs', { name: publicName(donor, value) })}
      {named && !donor.consentOn && ` · ${t('charity.entry.noConsent')}`}
    </Text>
  );
}

/**
 * How one donation is named in public notices: full name / 张* / 爱心人士 / 匿名, a radio group the keyboard
 * moves through with the arrow keys. Naming needs the donor's consent (公益事业捐赠法 第8条), so 全名 is
 * offered only to a donor with consent on record, and a name only to a registered donor.
 */
export function DisclosureChoice({ donor, value, onChange }: { donor: Donor | null; value: Disclosure; onChange: (d: Disclosure) => void }) {
  const { t } = useTranslation();
  const named = !!donor && donor.kind !== 'anonymous';
  const labelId = useId();
  return (
    <Stack gap={2}>
      <Text id={labelId} size="sm" fw={500}>
        {t('charity.entry.disclosure')}
      </Text>
      <SegmentedControl
        aria-labelledby={labelId}
        value={value}
        onChange={(v) => onChange(v as Disclosure)}
        data={disclosures.map((d) => ({
          value: d,
          label: t(`charity.entry.disclosureShort.${d}`),
          disabled: (d === 'full' && !(named && donor.consentOn)) || (d === 'masked' && !named),
        }))}
        size="sm"
      />
    </Stack>
  );
}
