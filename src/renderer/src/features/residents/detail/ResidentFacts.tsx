import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ResidentDetail } from '@shared/contract/residents';
import { Facts, type Fact } from '../common/Facts';
import { genderLabel, statusLabel } from '../common/labels';
import { docTypeLabel, withNote } from '../common/terms';
import { provinceName } from '../common/provinces';
import { codeValueLabel } from '../common/code-values';
import { SensitiveValue } from './SensitiveValue';

/** 基本信息: identity, contact and registration fields; ID number and phone masked with 查看. */
export function IdentityFacts({ r }: { r: ResidentDetail }) {
  const { t, i18n } = useTranslation();
  const province = provinceName(r.regionCode, i18n.language);
  const facts: Fact[] = [
    { label: t('residents.fields.docType'), value: docTypeLabel(t, r.docType) },
    { label: t('residents.fields.idNumber'), value: <SensitiveValue residentId={r.id} residentName={r.name} field="idNumber" masked={r.idMasked} /> },
    { label: t('residents.fields.phone'), value: <SensitiveValue residentId={r.id} residentName={r.name} field="phone" masked={r.phoneMasked} /> },
    { label: t('residents.fields.birthDate'), value: r.birthDate ? t('residents.detail.birthWithAge', { date: r.birthDate, age: r.age ?? '—' }) : '' },
    { label: t('residents.fields.gender'), value: r.gender ? genderLabel(t, r.gender) : '' },
    { label: t('residents.fields.region'), value: r.regionCode ? withNote(t, r.regionCode, province) : '' },
    { label: t('residents.fields.formerNames'), value: r.formerNames },
    { label: t('residents.fields.ethnicity'), value: codeValueLabel(t, 'ethnicity', r.ethnicity) },
    { label: t('residents.fields.education'), value: codeValueLabel(t, 'education', r.education) },
    { label: t('residents.fields.maritalStatus'), value: codeValueLabel(t, 'marital_status', r.maritalStatus) },
    { label: t('residents.fields.occupation'), value: codeValueLabel(t, 'occupation', r.occupation) },
    { label: t('residents.fields.idCardExpiresOn'), value: r.idCardLongTerm ? t('residents.fields.longTerm') : (r.idCardExpiresOn ?? '') },
  ];
  return <Facts facts={facts} />;
}

/** 居住登记: status, reason, permit dates, where and since when. */
export function ResidenceFacts({ r, buildingHref }: { r: ResidentDetail; buildingHref: string | null }) {
  const { t } = useTranslation();
  const facts: Fact[] = [
    { label: t('residents.fields.status'), value: statusLabel(t, r.status) },
    { label: t('residents.fields.residenceReason'), value: codeValueLabel(t, 'residence_reason', r.residenceReason) },
    { label: t('residents.fields.registeredOn'), value: r.registeredOn ?? '' },
    { label: t('residents.fields.permitExpiresOn'), value: r.permitExpiresOn ?? '' },
    { label: t('residents.fields.movedInOn'), value: r.movedInOn ?? '' },
    { label: t('residents.fields.grid'), value: r.gridName ?? '' },
    {
      label: t('residents.fields.address'),
      wide: true,
      value: r.address ? (
        buildingHref ? (
          <Anchor href={buildingHref} size="sm" title={t('residents.detail.openBuilding')}>
            {r.address}
          </Anchor>
        ) : (
          <Text size="sm">{r.address}</Text>
        )
      ) : (
        ''
      ),
    },
    { label: t('residents.fields.notes'), value: r.notes, wide: true },
  ];
  if (r.movedOutOn) facts.splice(5, 0, { label: t('residents.fields.movedOutOn'), value: r.movedOutOn });
  if (r.diedOn) facts.splice(5, 0, { label: t('residents.fields.diedOn'), value: r.diedOn });
  return <Facts facts={facts} />;
}
