import { useEffect, useRef, useState } from 'react';
import { ActionIcon, Popover, TextInput, type TextInputProps } from '@mantine/core';
import { DatePicker } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { parseTypedDate } from './dates';

interface DateFieldProps extends Omit<TextInputProps, 'value' | 'defaultValue' | 'onChange' | 'w'> {
  /** Controlled: YYYY-MM-DD or null. Leave undefined and give defaultValue for an uncontrolled form field. */
  value?: string | null;
  defaultValue?: string | null;
  /** A valid date as YYYY-MM-DD, null when empty, or the text as typed when it is not a date (for validation to name). */
  onChange?: (value: string | null) => void;
  /** The calendar's bounds (YYYY-MM-DD); typed dates outside them are the form's validation to refuse. */
  minDate?: string;
  maxDate?: string;
  /** Emptying the text always clears the date; accepted so that fields written for a picker keep their props. */
  clearable?: boolean;
  w?: number | string;
}

/**
 * The one date field: a date typed at the keyboard (2026-03-01, 2026/3/1, 20260301), with a calendar
 * behind a button for the mouse. Unlike a picker that opens on focus, it never covers the rest of the form
 * while typing, and text that is not a date stays as typed (and reaches validation) instead of being
 * silently put back on blur. The value is the contract's YYYY-MM-DD string, never a Date, so no time zone
 * can shift it.
 */
export function DateField({ value, defaultValue, onChange, minDate, maxDate, clearable: _clearable, w, disabled, onBlur, ...rest }: DateFieldProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(value ?? defaultValue ?? '');
  const [opened, setOpened] = useState(false);
  const sent = useRef<string | null | undefined>(value);
  const parsed = parseTypedDate(text);

  // A controlled value changed from outside (a birth date read from the ID number): show it.
  useEffect(() => {
    if (value !== undefined && value !== sent.current) {
      sent.current = value;
      setText(value ?? '');
    }
  }, [value]);

  function update(next: string) {
    setText(next);
    const out = next.trim() === '' ? null : (parseTypedDate(next) ?? next);
    sent.current = out;
    onChange?.(out);
  }

  return (
    <TextInput
      {...rest}
      value={text}
      placeholder={t('common.datePlaceholder')}
      onChange={(e) => update(e.currentTarget.value)}
      onBlur={(e) => {
        // Typed shorthand becomes the written form once the field is left.
        if (parsed && parsed !== text) setText(parsed);
        onBlur?.(e);
      }}
      disabled={disabled}
      w={w}
      rightSectionPointerEvents="all"
      rightSection={
        <Popover opened={opened} onChange={setOpened} position="bottom-end" shadow="md" trapFocus returnFocus withinPortal>
          <Popover.Target>
            <ActionIcon variant="subtle" color="gray" size="sm" aria-label={t('common.pickDate')} disabled={disabled} onClick={() => setOpened((o) => !o)}>
              <IconCalendar size={16} />
            </ActionIcon>
          </Popover.Target>
          <Popover.Dropdown>
            <DatePicker
              value={parsed}
              defaultDate={parsed ?? maxDate ?? undefined}
              minDate={minDate}
              maxDate={maxDate}
              onChange={(picked) => {
                if (picked) update(picked);
                setOpened(false);
              }}
            />
          </Popover.Dropdown>
        </Popover>
      }
    />
  );
}
