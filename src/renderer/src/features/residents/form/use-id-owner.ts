import { useEffect, useState } from 'react';
import { useDebouncedValue } from '@mantine/hooks';
import type { DocType } from '@shared/contract/residents';
import { api } from '../../../api/client';
import type { IdState } from './id-state';

export interface IdOwner {
  id: string;
  name: string;
  archived: boolean;
}

/**
 * Who holds the typed number already, asked as soon as it is a whole valid number (a checked document) or,
 * for other documents, once typing pauses: the clerk learns it at once, not after filling in the rest.
 */
export function useIdOwner(docType: DocType, text: string, state: IdState, exceptId: string | null): IdOwner | null {
  const complete = (state.kind === 'parsed' && state.result.ok) || (state.kind === 'unchecked' && text.trim().length >= 4);
  const [asked] = useDebouncedValue(complete ? `${docType}\n${text.trim()}` : '', state.kind === 'unchecked' ? 400 : 0);
  const [owner, setOwner] = useState<{ key: string; owner: IdOwner | null }>({ key: '', owner: null });

  useEffect(() => {
    if (!asked) return;
    let live = true;
    const [type, number] = asked.split('\n');
    api
      .call('residents.idOwner', { docType: type as DocType, idNumber: number, ...(exceptId ? { exceptId } : {}) })
      .then((found) => live && setOwner({ key: asked, owner: found }))
      .catch(() => live && setOwner({ key: asked, owner: null }));
    return () => {
      live = false;
    };
  }, [asked, exceptId]);

  // An answer about a number no longer in the field is not shown.
  return complete && owner.key === `${docType}\n${text.trim()}` ? owner.owner : null;
}
