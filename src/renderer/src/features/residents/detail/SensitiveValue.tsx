import { useEffect, useState } from 'react';
import { Button, Group, Text } from '@mantine/core';
import { IconEye, IconEyeOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../../app/session-context';
import { useCountdown } from '../../../components/use-countdown';
import { RevealModal, type RevealField } from './RevealModal';

const SHOW_SECONDS = 30;

/**
 * A masked ID number or phone with 查看: after a reason, the full value shows for 30 seconds and is masked
 * again (and dropped from memory). Users without residents.reveal never see the button.
 */
export function SensitiveValue({ residentId, residentName, field, masked }: { residentId: string; residentName: string; field: RevealField; masked: string }) {
  const { t } = useTranslation();
  const { can } = useSignedIn();
  const [asking, setAsking] = useState(false);
  const [value, setValue] = useState<string | null>(null);
  const countdown = useCountdown();

  useEffect(() => {
    if (value !== null && !countdown.running) setValue(null);
  }, [value, countdown.running]);

  if (!masked) {
    return (
      <Text size="sm" c="dimmed">
        {t('residents.common.notFilled')}
      </Text>
    );
  }
  return (
    // Wraps rather than clips: an 18-character number and its button do not always fit one column.
    <Group gap={4} wrap="wrap">
      <Text size="sm" ff="monospace" fw={value ? 600 : undefined} c={value ? 'red.8' : undefined} aria-live="polite">
        {value ?? masked}
      </Text>
      {value ? (
        <Button size="compact-xs" variant="subtle" color="gray" leftSection={<IconEyeOff size={14} />} onClick={() => setValue(null)}>
          {t('residents.reveal.hideIn', { seconds: countdown.remaining })}
        </Button>
      ) : (
        can('residents.reveal') && (
          <Button
            size="compact-xs"
            variant="subtle"
            leftSection={<IconEye size={14} />}
            onClick={() => setAsking(true)}
            aria-label={t('residents.reveal.buttonFor', { field: field === 'idNumber' ? t('residents.fields.idNumber') : t('residents.fields.phone') })}
          >
            {t('residents.reveal.button')}
          </Button>
        )
      )}
      {asking && (
        <RevealModal
          residentId={residentId}
          residentName={residentName}
          field={field}
          onClose={() => setAsking(false)}
          onRevealed={(v) => {
            setValue(v);
            countdown.start(SHOW_SECONDS);
          }}
        />
      )}
    </Group>
  );
}
