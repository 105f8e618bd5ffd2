import { Fragment, useCallback, useEffect, useMemo, useState } from 'react';
import { Group, Input, Kbd, Loader, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Spotlight, useSpotlight } from '@mantine/spotlight';
import '@mantine/spotlight/styles.css';
import './search.css';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSession, useSignedIn } from '../../session-context';
import { ErrorAlert } from '../../../components/ErrorAlert';
import type { SearchItem, SearchProvider } from '../../navigation';
import { search, searchStore, selectFirstHit, SEARCH_INPUT_ID } from './search-store';
import { useTypeAhead } from './type-ahead';

interface Answer {
  provider: SearchProvider;
  items: SearchItem[];
}

/**
 * Ctrl+K from anywhere (inputs included): every area's search provider the user may use is asked as the
 * user types, 120 ms after the last key, and their items are listed under the area's heading. The first
 * item is selected, so Enter opens it. Typing right after Ctrl+K is kept whole (see useTypeAhead).
 */
export function ShellSpotlight({ providers: all }: { providers: SearchProvider[] }) {
  const { t } = useTranslation();
  const { can } = useSignedIn();
  const { locked } = useSession();
  // `all` is the areas' fixed list and `can` changes with the session only, so the search runs again
  // when the providers the user may use change, not on every render.
  const providers = useMemo(() => all.filter((p) => can(p.permission)), [all, can]);
  const { opened } = useSpotlight(searchStore);
  const [query, setQueryState] = useState('');
  const setQuery = useCallback((update: (q: string) => string) => setQueryState(update), []);
  const [debounced] = useDebouncedValue(query.trim(), 120);
  const [answers, setAnswers] = useState<Answer[]>([]);
  const [searched, setSearched] = useState('');
  const [error, setError] = useState<unknown>(null);
  const enabled = providers.length > 0 && !locked;
  const typeAhead = useTypeAhead({ enabled, opened, setQuery });

  // Behind the lock nobody may search: close it, and Ctrl+K does nothing until unlocked.
  useEffect(() => {
    if (locked) search.close();
  }, [locked]);

  useEffect(() => {
    if (!debounced || !providers.length) {
      setAnswers([]);
      setSearched('');
      return;
    }
    let live = true;
    Promise.all(providers.map(async (provider) => ({ provider, items: await provider.search(debounced, t) })))
      .then((found) => {
        if (!live) return;
        setAnswers(found);
        setSearched(debounced);
        setError(null);
      })
      .catch((err) => live && setError(err));
    return () => {
      live = false;
    };
  }, [debounced, providers, t]);

  // Items show only for a query; the last answers stay meanwhile, so typing does not make the list jump.
  const found = query.trim() ? answers.filter((a) => a.items.length > 0) : [];
  const drawn = `${opened}:${found.flatMap((a) => a.items.map((i) => `${a.provider.id}:${i.key}`)).join('|')}`;

  // The list is replaced after the spotlight already chose its first item, and it is drawn anew when the
  // search reopens with the query it had (no new search then): choose the first item once it is drawn.
  useEffect(() => {
    if (found.length) requestAnimationFrame(selectFirstHit);
    // `drawn` names the items on screen and whether the search is open (found.length changes only with it).
  }, [drawn, found.length]);

  if (!providers.length) return null;
  const pending = query.trim() !== '' && (query.trim() !== debounced || debounced !== searched) && !error;
  const grouped = found.length > 1;

  return (
    <Spotlight.Root
      store={searchStore}
      query={query}
      onQueryChange={(q) => setQueryState(q)}
      shortcut={null}
      clearQueryOnClose={false}
      disabled={locked}
      scrollable
      maxHeight={460}
      size="xl"
    >
      <Input.Label htmlFor={SEARCH_INPUT_ID} px="md" pt="sm" display="block">
        {t('shell.search.label')}
      </Input.Label>
      <Spotlight.Search
        id={SEARCH_INPUT_ID}
        placeholder={providers.map((p) => p.hint(t)).join(t('common.listSeparator'))}
        leftSection={<IconSearch size={18} stroke={1.6} />}
        rightSection={pending ? <Loader size={16} /> : null}
        onFocus={(e) => typeAhead.focused(e.currentTarget)}
      />
      <Spotlight.ActionsList aria-label={t('shell.search.results')}>
        {found.map(({ provider, items }) => {
          const actions = items.map((item) => (
            <Spotlight.Action key={`${provider.id}:${item.key}`} className="linli-search-action" onClick={item.open} aria-label={item.label}>
              {item.content}
            </Spotlight.Action>
          ));
          return grouped ? (
            <Spotlight.ActionsGroup key={provider.id} label={provider.label(t)}>
              {actions}
            </Spotlight.ActionsGroup>
          ) : (
            <Fragment key={provider.id}>{actions}</Fragment>
          );
        })}
        {query.trim() && !pending && searched && found.length === 0 && <Spotlight.Empty>{t('shell.search.nothing', { q: searched })}</Spotlight.Empty>}
        {!query.trim() && (
          // The placeholder holds every provider's hint (each names what it finds), but at this width only the first
          // fits: each is listed here too.
          <Spotlight.Empty>
            <Stack gap={4} align="flex-start" ta="left">
              <Text size="sm">{t('shell.search.hint')}</Text>
              {providers.map((p) => (
                <Text key={p.id} size="sm" c="dimmed">
                  {p.hint(t)}
                </Text>
              ))}
            </Stack>
          </Spotlight.Empty>
        )}
      </Spotlight.ActionsList>
      <Spotlight.Footer>
        {error ? (
          <ErrorAlert error={error} />
        ) : (
          <Group gap="md">
            <Text size="xs" c="dimmed">
              <Kbd size="xs">↑</Kbd> <Kbd size="xs">↓</Kbd> {t('shell.search.keysMove')}
            </Text>
            <Text size="xs" c="dimmed">
              <Kbd size="xs">Enter</Kbd> {t('shell.search.keysOpen')}
            </Text>
            <Text size="xs" c="dimmed">
              <Kbd size="xs">Esc</Kbd> {t('shell.search.keysClose')}
            </Text>
          </Group>
        )}
      </Spotlight.Footer>
    </Spotlight.Root>
  );
}
