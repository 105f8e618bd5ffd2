import { describe, expect, it } from 'vitest';
import uiZh from '../../../src/renderer/src/i18n/zh-CN.json';
import uiEn from '../../../src/renderer/src/i18n/en.json';
import { openTestHall } from '../support/core';

describe('a backup’s row counts', () => {
  it('name every table of the schema in Chinese and English (a new area’s tables too), not by their SQL names', async () => {
    const hall = await openTestHall();
    try {
      const tables = (
        hall.core.services.sqlite
          .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'kysely_%'")
          .all() as { name: string }[]
      ).map((t) => t.name);
      expect(tables.length).toBeGreaterThan(40);
      const zh = uiZh.backups.tables as Record<string, string>;
      const en = uiEn.backups.tables as Record<string, string>;
      expect(tables.filter((t) => !zh[t])).toEqual([]);
      expect(tables.filter((t) => !en[t])).toEqual([]);
      // Chinese labels are Chinese.
      expect(tables.filter((t) => !/[\u4e00-\u9fff]/.test(zh[t]!))).toEqual([]);
    } finally {
      await hall.close();
    }
  });
});
