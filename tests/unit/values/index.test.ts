import { describe, it, expect } from 'vitest';
import * as values from '../../../src/shared/values';

describe('shared/values index', () => {
  it('re-exports the public API', () => {
    for (const name of [
      'parseIdNumber',
      'idCheckChar',
      'convert15to18',
      'isValidIdNumber',
      'parsePhone',
      'isValidPhone',
      'maskIdNumber',
      'maskPhone',
      'maskName',
      'parseYuanToFen',
      'formatFen',
      'assertFen',
      'assertSignedFen',
      'isFen',
      'fenToChineseUppercase',
      'dateToChineseUppercase',
    ]) {
      expect(typeof (values as Record<string, unknown>)[name]).toBe('function');
    }
  });
});
