import { useState } from 'react';
import { Group, Text, TextInput } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { genderLabel } from '../common/labels';
import { provinceName } from '../common/provinces';
import { withNote } from '../common/terms';
import type { IdState } from './id-state';
import { IdOwnerNotice } from './IdOwnerNotice';
import type { IdOwner } from './use-id-owner';

interface IdNumberFieldProps {
  value: string;
  onChange: (value: string) => void;
  state: IdState;
  /** The stored number, masked, when editing. */
  original: string | null;
  /** An error from submitting (the form's validation or the server); shown before the live one. */
  error?: string;
  /** Someone already registered with this number: said at once, with a link to them. */
  owner?: IdOwner | null;
}

/**
 * 证件号 with live GB 11643 checking: a good number shows what it says (birth date, gender, where it was
 * issued); a number that fails the check says so at once (never which check character would pass: the typo may
 * be anywhere); a 15-digit number shows its 18-digit form.
 * Format problems wait for the field to be left, so nobody is scolded halfway through typing.
 */
export function IdNumberField({ value, onChange, state, original, error, owner }: IdNumberFieldProps) {
  const { t, i18n } = useTranslation();
  const [left, setLeft] = useState(false);

  let liveError: string | undefined;
  let description: React.ReactNode = null;
  if (state.kind === 'parsed' && !state.result.ok) {
    const { code } = state.result;
    // A wrong check character or a number Excel mangled is certain at once; the rest once the field is left.
    if (left || code === 'id.checksum' || code === 'id.scientific') liveError = t(`errors.${code}`);
  }
  if (state.kind === 'parsed' && state.result.ok) {
    const v = state.result.value;
    const province = provinceName(v.regionCode, i18n.language);
    description = (
      <Group gap={6} wrap="wrap" component="span">
        <IconCircleCheck size={14} color="var(--mantine-color-teal-7)" aria-hidden />
        <Text span size="xs" c="teal.8">
          {t('residents.form.idDerived', {
            birthDate: v.birthDate,
            gender: genderLabel(t, v.gender),
            region: province ? withNote(t, province, v.regionCode) : v.regionCode,
          })}
        </Text>
        {v.convertedFrom15 && (
          <Text span size="xs" c="orange.8" fw={500}>
            {t('residents.form.idConverted', { number: v.number })}
          </Text>
        )}
      </Group>
    );
  }
  if (state.kind === 'kept') description = t('residents.form.idKept', { masked: original });
  if (state.kind === 'unchecked') description = t('residents.form.idUnchecked');

  return (
    <TextInput
      label={t('residents.fields.idNumber')}

      value={value}
      onChange={(e) => {
        onChange(e.currentTarget.value);
        setLeft(false);
      }}
      onBlur={() => setLeft(true)}
      onFocus={(e) => {
        // Editing a kept (masked) number means typing a new one: select it so typing replaces it.
        if (state.kind === 'kept') e.currentTarget.select();
      }}
      error={error ?? liveError ?? (owner ? <IdOwnerNotice owner={owner} /> : undefined)}
      description={description}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      autoComplete="off"
      spellCheck={false}
      styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
      maxLength={40}
    />
  );
}
