import { useEffect, useRef } from 'react';
import { Alert, Anchor, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../session-context';
import { routes } from '../routes';
import { hrefOf, useLocation } from '../router';

/** Shows the screen the hash names, if this user may see it; moves focus there for keyboard users. */
export function ScreenOutlet() {
  const { t } = useTranslation();
  const { can } = useSignedIn();
  const { screen, rest } = useLocation();
  const ref = useRef<HTMLDivElement>(null);
  const route = routes.find((r) => r.id === screen) ?? routes[0];

  useEffect(() => {
    // A screen that focused its own first field keeps it; otherwise focus lands at the top of the screen.
    if (ref.current && !ref.current.contains(document.activeElement)) ref.current.focus({ preventScroll: true });
  }, [route.id]);

  return (
    <div ref={ref} tabIndex={-1} style={{ outline: 'none' }}>
      {route.permission && !can(route.permission) ? (
        <Stack maw={560}>
          <Alert color="yellow" title={t('shell.noAccessTitle')}>
            {t('shell.noAccess')}
          </Alert>
          <Anchor href={hrefOf('home')}>{t('shell.backHome')}</Anchor>
        </Stack>
      ) : (
        <route.component rest={rest} />
      )}
    </div>
  );
}
