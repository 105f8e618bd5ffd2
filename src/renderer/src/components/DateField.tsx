import { useState } from 'react';
import { ActionIcon, Popover, TextInput } from '@mantine/core';
import { DatePicker } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { parseTypedDate } from './dates';

interface DateFieldProps {
  label: string;
  defaultValue?: string | null;
  /** A valid date as YYYY-MM-DD, null when empty, or the text as typed when it is not a date (for validation to name). */
  onChange?: (value: string | null) => void;
  error?: string;
  autoFocus?: boolean;
  w?: number;
}

/**
 * A date typed at the keyboard (2026-03-01, 2026/3/1, 20260301), with a calendar behind a button for
 * the mouse. Unlike a picker that opens on focus, it never covers the rest of the form while typing.
 */
export function DateField({ label, defaultValue, onChange, error, autoFocus, w = 160 }: DateFieldProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(defaultValue ?? '');
  const [opened, setOpened] = useState(false);
  const parsed = parseTypedDate(text);

  function update(next: string) {
    setText(next);
    onChange?.(next.trim() === '' ? null : (parseTypedDate(next) ?? next));
  }

  return (
    <TextInput
      label={label}
      value={text}
      placeholder={t('common.datePlaceholder')}
      onChange={(e) => update(e.currentTarget.value)}
      // Typed shorthand becomes the written form once the field is left.
      onBlur={() => parsed && parsed !== text && setText(parsed)}
      error={error}
      autoFocus={autoFocus}
      w={w}
      rightSectionPointerEvents="all"
      rightSection={
        <Popover opened={opened} onChange={setOpened} position="bottom-end" shadow="md" trapFocus returnFocus>
          <Popover.Target>
            <ActionIcon variant="subtle" color="gray" size="sm" aria-label={t('common.pickDate')} onClick={() => setOpened((o) => !o)}>
              <IconCalendar size={16} />
            </ActionIcon>
          </Popover.Target>
          <Popover.Dropdown>
            <DatePicker
              value={parsed}
              defaultDate={parsed ?? undefined}
              onChange={(value) => {
                if (value) update(value);
                setOpened(false);
              }}
            />
          </Popover.Dropdown>
        </Popover>
      }
    />
  );
}
