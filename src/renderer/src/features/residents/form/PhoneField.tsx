import { useState } from 'react';
import { TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { parsePhone } from '@shared/values';

/** 电话: a mobile (138 1234 5678) or a landline (010-12345678), checked when the field is left. */
export function PhoneField({ value, onChange, original, error }: { value: string; onChange: (v: string) => void; original: string | null; error?: string }) {
  const { t } = useTranslation();
  const [left, setLeft] = useState(false);
  const kept = !!original && value === original;
  const parsed = value.trim() && !kept ? parsePhone(value) : null;
  const liveError = left && parsed && !parsed.ok ? t(`errors.${parsed.code}`) : undefined;
  const description = kept
    ? t('residents.form.phoneKept')
    : parsed?.ok && parsed.value.number !== value.trim()
      ? t('residents.form.phoneNormalised', { number: parsed.value.number })
      : null;
  return (
    <TextInput
      label={t('residents.fields.phone')}
      value={value}
      onChange={(e) => {
        onChange(e.currentTarget.value);
        setLeft(false);
      }}
      onBlur={() => setLeft(true)}
      onFocus={(e) => kept && e.currentTarget.select()}
      error={error ?? liveError}
      description={description}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      autoComplete="off"
      styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
      maxLength={30}
    />
  );
}
