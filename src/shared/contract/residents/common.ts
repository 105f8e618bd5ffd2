// The generic value schemas are the foundation's (contract/common.ts); the registry's own types follow.
export { cursor, id, isoDate, optionalDate, pageLimit, type Page } from '../common';

export interface TagRef {
  id: string;
  name: string;
  colour: string;
}
