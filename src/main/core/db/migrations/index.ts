import type { Migration, MigrationProvider } from 'kysely/migration';
import * as m0001 from './0001_foundation';
import * as m0002 from './0002_residents';
import * as m0003 from './0003_residents_indexes';
import * as m0004 from './0004_residents_pinyin_sort';
import * as m0005 from './0005_residents_tag_keys_and_reminders';
import * as m0006 from './0006_residents_id_card_long_term';
import * as m0007 from './0007_residents_fewer_indexes';
import * as m0008 from './0008_residents_rowid_tiebreak';
import * as m0009 from './0009_hardening';
import * as m0010 from './0010_residents_relations_and_unplaced';
import * as m0011 from './0011_council';
import * as m0012 from './0012_council_registers';
import * as m0013 from './0013_number_sequences';
import * as m0014 from './0014_charity';
import * as m0015 from './0015_charity_ui';
import * as m0016 from './0016_charity_speed';
import * as m0017 from './0017_tag_grid';
import * as m0018 from './0018_tag_keys_once';
import * as m0019 from './0019_hall';

/**
 * The static list of migrations, in order. A bundled main process has no migrations folder to read, so
 * no FileMigrationProvider: names are zero-padded so that 0010 sorts after 0002.
 */
export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_residents': m0002,
  '0003_residents_indexes': m0003,
  '0004_residents_pinyin_sort': m0004,
  '0005_residents_tag_keys_and_reminders': m0005,
  '0006_residents_id_card_long_term': m0006,
  '0007_residents_fewer_indexes': m0007,
  '0008_residents_rowid_tiebreak': m0008,
  '0009_hardening': m0009,
  '0010_residents_relations_and_unplaced': m0010,
  '0011_council': m0011,
  '0012_council_registers': m0012,
  '0013_number_sequences': m0013,
  '0014_charity': m0014,
  '0015_charity_ui': m0015,
  '0016_charity_speed': m0016,
  '0017_tag_grid': m0017,
  '0018_tag_keys_once': m0018,
  '0019_hall': m0019,
};

export const latestSchemaVersion = Object.keys(migrations).length;

export const staticMigrationProvider: MigrationProvider = {
  async getMigrations() {
    return migrations;
  },
};
