import { SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Form } from '../form/use-form';
import { SealImageInput } from './SealImageInput';

export interface CommunityValues {
  communityName: string;
  streetOffice: string;
  unitName: string;
  address: string;
  servicePhone: string;
  complaintPhone: string;
  sealImage: string | null;
}

export const emptyCommunity: CommunityValues = {
  communityName: '',
  streetOffice: '',
  unitName: '',
  address: '',
  servicePhone: '',
  complaintPhone: '',
  sealImage: null,
};

/**
 * The community profile's fields, used by the first-run setup and by Settings. `prefix` is the path of
 * the profile inside the form's values ('community.' in setup, '' in Settings).
 */
export function CommunityFields<V extends object>({ form, prefix = '', autoFocus }: { form: Form<V>; prefix?: string; autoFocus?: boolean }) {
  const { t } = useTranslation();
  const path = (name: keyof CommunityValues) => prefix + name;
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
        <TextInput
          label={t('community.fields.communityName')}
          placeholder={t('community.placeholders.communityName')}
          autoFocus={autoFocus}
          data-autofocus={autoFocus || undefined}
          key={form.key(path('communityName'))}
          {...form.getInputProps(path('communityName'))}
        />
        <TextInput
          label={t('community.fields.streetOffice')}
          placeholder={t('community.placeholders.streetOffice')}
          key={form.key(path('streetOffice'))}
          {...form.getInputProps(path('streetOffice'))}
        />
        <TextInput
          label={t('community.fields.unitName')}
          description={t('community.hints.unitName')}
          placeholder={t('community.placeholders.unitName')}
          key={form.key(path('unitName'))}
          {...form.getInputProps(path('unitName'))}
        />
        <TextInput label={t('community.fields.address')} key={form.key(path('address'))} {...form.getInputProps(path('address'))} />
        <TextInput
          label={t('community.fields.servicePhone')}
          inputMode="tel"
          key={form.key(path('servicePhone'))}
          {...form.getInputProps(path('servicePhone'))}
        />
        <TextInput
          label={t('community.fields.complaintPhone')}
          inputMode="tel"
          key={form.key(path('complaintPhone'))}
          {...form.getInputProps(path('complaintPhone'))}
        />
      </SimpleGrid>
      <SealImageInput key={form.key(prefix + 'sealImage')} {...form.getInputProps(prefix + 'sealImage')} />
    </>
  );
}
