import { useState } from 'react';
import { Card, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { contract } from '@shared/contract';
import type { CommunityProfile } from '@shared/contract/community';
import { api } from '../../api/client';
import { useForm } from '../../components/form/use-form';
import { schemaErrors } from '../../components/form/schema-errors';
import { applyServerErrors } from '../../components/form/server-errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CommunityFields, type CommunityValues } from '../../components/community/CommunityFields';
import { FormFooter } from '../../components/form/FormFooter';

export function ProfileForm({ profile, onSaved, onCancel }: { profile: CommunityProfile; onSaved: (p: CommunityProfile) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const initialValues: CommunityValues = {
    communityName: profile.communityName,
    streetOffice: profile.streetOffice,
    unitName: profile.unitName,
    address: profile.address,
    servicePhone: profile.servicePhone,
    complaintPhone: profile.complaintPhone,
    sealImage: profile.sealImage,
  };
  const form = useForm({ mode: 'uncontrolled', initialValues, validate: (v) => schemaErrors(t, contract['community.updateProfile'].input, v) });

  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      const saved = await api.call('community.updateProfile', values);
      notifications.show({ color: 'green', message: t('community.saved') });
      onSaved(saved);
    } catch (err) {
      if (!applyServerErrors(t, form, err)) setError(err);
    }
  });

  return (
    <Card withBorder padding="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <CommunityFields form={form} autoFocus />
          <ErrorAlert error={error} />
          <FormFooter submitting={form.submitting} onCancel={onCancel} />
        </Stack>
      </form>
    </Card>
  );
}
