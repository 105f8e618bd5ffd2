import type { ReactNode } from 'react';
import { Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useSession } from '../session-context';

/** The frame of the screens before the shell: the app's name, the community and the workstation. */
export function AuthFrame({ title, width = 420, children }: { title: string; width?: number; children: ReactNode }) {
  const { t } = useTranslation();
  const { status } = useSession();
  return (
    <Box mih="100vh" bg="gray.1" py="xl" px="md">
      <Group justify="flex-end" maw={width} mx="auto" mb="xs">
        <LanguageSwitch />
      </Group>
      <Center>
        <Paper withBorder shadow="sm" p="xl" w="100%" maw={width} component="main">
          <Stack gap="lg">
            <Stack gap={4}>
              <Text fw={700} c="indigo.8" size="lg">
                {status?.communityName ? t('app.titleWithCommunity', { community: status.communityName }) : t('app.name')}
              </Text>
              <Title order={1} fz="h2">
                {title}
              </Title>
              {status && (
                <Text size="sm" c="dimmed">
                  {t('app.workstation', { name: status.workstation })}
                </Text>
              )}
            </Stack>
            {children}
          </Stack>
        </Paper>
      </Center>
    </Box>
  );
}
