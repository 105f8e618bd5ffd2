import { SimpleGrid, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Greeting } from './Greeting';
import { areas } from '../../features/areas';
import { HomeCommunityCard } from './HomeCommunityCard';
import { QuickLinks } from './QuickLinks';

/** 工作台: who is signed in, whether the data is safe, the community's letterhead, and where to go next. */
export function HomePage() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg" maw={1200}>
      <Greeting />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {areas
          .flatMap((a) => a.homeCards ?? [])
          .map((Card, i) => (
            <Card key={i} />
          ))}
        <HomeCommunityCard />
      </SimpleGrid>
      <Title order={3} fz="h5">
        {t('home.quickLinks')}
      </Title>
      <QuickLinks />
    </Stack>
  );
}
