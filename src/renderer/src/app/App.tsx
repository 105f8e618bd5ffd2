import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { dayjsLocale, type Language } from '../i18n';
import { theme } from './theme';
import { SessionProvider } from './SessionProvider';
import { Root } from './Root';

export function App() {
  const { i18n } = useTranslation();
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <DatesProvider settings={{ locale: dayjsLocale(i18n.language as Language), firstDayOfWeek: 1 }}>
        <Notifications position="bottom-right" limit={4} />
        <SessionProvider>
          <Root />
        </SessionProvider>
      </DatesProvider>
    </MantineProvider>
  );
}
