import { useEffect, useState } from 'react';
import { Group, Input, Kbd, Loader, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Spotlight } from '@mantine/spotlight';
import '@mantine/spotlight/styles.css';
import './search.css';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '@shared/contract/residents';
import { api } from '../../../api/client';
import { navigate } from '../../../app/router';
import { useSession, useSignedIn } from '../../../app/session-context';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { residentsScreen } from '../common/hrefs';
import { residentSearch, residentSearchStore, selectFirstHit } from './search-store';
import { hitLabel, SearchHitRow } from './SearchHitRow';

const SEARCH_ID = 'linli-resident-search';

/**
 * Ctrl+K from anywhere (inputs included): find a resident by name, pinyin or initials (zs → 张三), ID
 * number or its last digits, phone's last four, or an address; or a household by its 户号. Results are asked for as the user types,
 * 120 ms after the last key; the first is selected, so Enter opens it.
 */
export function ResidentSpotlight() {
  const { t } = useTranslation();
  const { can } = useSignedIn();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 120);
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [searched, setSearched] = useState('');
  const [error, setError] = useState<unknown>(null);
  const { locked } = useSession();
  const allowed = can('residents.read');

  // Behind the lock nobody may search: close it, and Ctrl+K does nothing until unlocked.
  useEffect(() => {
    if (locked) residentSearch.close();
  }, [locked]);

  useEffect(() => {
    if (!debounced || !allowed) {
      setHits([]);
      setSearched('');
      return;
    }
    let live = true;
    api
      .call('residents.search', { q: debounced, limit: 20 })
      .then((rows) => {
        if (!live) return;
        setHits(rows);
        setSearched(debounced);
        setError(null);
      })
      .catch((err) => live && setError(err));
    return () => {
      live = false;
    };
  }, [debounced, allowed]);

  // The list is replaced after the spotlight already chose its first item: choose again once it is drawn.
  useEffect(() => {
    if (hits.length) requestAnimationFrame(selectFirstHit);
  }, [hits]);

  if (!allowed) return null;
  const pending = query.trim() !== '' && (query.trim() !== debounced || debounced !== searched) && !error;

  return (
    <Spotlight.Root
      store={residentSearchStore}
      query={query}
      onQueryChange={setQuery}
      shortcut={locked ? null : ['mod + K']}
      disabled={locked}
      tagsToIgnore={[]}
      // Reopened before the last query was cleared: select it, so typing starts a new search.
      onSpotlightOpen={() => requestAnimationFrame(() => (document.getElementById(SEARCH_ID) as HTMLInputElement | null)?.select())}
      scrollable
      maxHeight={460}
      size="xl"
    >
      <Input.Label htmlFor={SEARCH_ID} px="md" pt="sm" display="block">
        {t('residents.search.label')}
      </Input.Label>
      <Spotlight.Search id={SEARCH_ID} placeholder={t('residents.search.placeholder')} leftSection={<IconSearch size={18} stroke={1.6} />} rightSection={pending ? <Loader size={16} /> : null} />
      <Spotlight.ActionsList aria-label={t('residents.search.results')}>
        {hits.map((hit) => (
          <Spotlight.Action
            key={`${hit.type}:${hit.id}`}
            className="linli-search-action"
            onClick={() => (hit.type === 'resident' ? navigate(residentsScreen, hit.id) : navigate(residentsScreen, 'household', hit.id))}
            aria-label={hitLabel(t, hit)}
          >
            <SearchHitRow hit={hit} />
          </Spotlight.Action>
        ))}
        {query.trim() && !pending && searched && hits.length === 0 && <Spotlight.Empty>{t('residents.search.nothing', { q: searched })}</Spotlight.Empty>}
        {!query.trim() && <Spotlight.Empty>{t('residents.search.hint')}</Spotlight.Empty>}
      </Spotlight.ActionsList>
      {error ? (
        <Spotlight.Footer>
          <ErrorAlert error={error} />
        </Spotlight.Footer>
      ) : (
        <Spotlight.Footer>
          <Group gap="md">
            <Text size="xs" c="dimmed">
              <Kbd size="xs">↑</Kbd> <Kbd size="xs">↓</Kbd> {t('residents.search.keysMove')}
            </Text>
            <Text size="xs" c="dimmed">
              <Kbd size="xs">Enter</Kbd> {t('residents.search.keysOpen')}
            </Text>
            <Text size="xs" c="dimmed">
              <Kbd size="xs">Esc</Kbd> {t('residents.search.keysClose')}
            </Text>
          </Group>
        </Spotlight.Footer>
      )}
    </Spotlight.Root>
  );
}
