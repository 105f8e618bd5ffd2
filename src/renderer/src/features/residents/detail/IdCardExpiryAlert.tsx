import { Alert, Anchor } from '@mantine/core';
import { IconId } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ResidentDetail } from '@shared/contract/residents';
import { useSignedIn } from '../../../app/session-context';
import { daysBetween, todayIn } from '../../../components/today';

/** The 身份证到期 list's window: a card expiring within it is worth a word before the person comes in. */
export const idCardWarningDays = 180;

/**
 * A present resident's ID card that has expired (red) or expires within 180 days (yellow): the clerk reminds
 * the person while they are at the counter, and the reminders list has the others.
 */
export function IdCardExpiryAlert({ r }: { r: ResidentDetail }) {
  const { t } = useTranslation();
  const { settings } = useSignedIn();
  if (r.archived || r.idCardLongTerm || !r.idCardExpiresOn) return null;
  const days = daysBetween(todayIn(settings.timeZone), r.idCardExpiresOn);
  if (days > idCardWarningDays) return null;
  const expired = days < 0;
  const title = expired ? t('residents.detail.idCardExpiredTitle') : t('residents.detail.idCardExpiringTitle');
  return (
    <Alert color={expired ? 'red' : 'yellow'} variant="light" role="alert" icon={<IconId size={18} />} title={title}>
      {expired
        ? t('residents.detail.idCardExpired', { date: r.idCardExpiresOn, count: -days })
        : t('residents.detail.idCardExpiring', { date: r.idCardExpiresOn, count: days })}{' '}
      <Anchor href="#/reminders/idCards" size="sm">
        {t('residents.detail.idCardReminders')}
      </Anchor>
    </Alert>
  );
}
