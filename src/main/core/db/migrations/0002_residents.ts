import { sql, type Kysely } from 'kysely';

/**
 * The resident registry (实有人口): places down to the room, houses, households, residents with their
 * sensitive fields encrypted, tags, the visit policy and log, and an append-only history per resident.
 *
 * Search columns are derived and stored so that every look-up is an index range scan at district scale:
 * pinyin and initials for names, the reversed tail of the ID number for suffix search, the last four
 * digits of the phone, and a normalised address key on houses.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const stamp = sql.raw(`created_at TEXT NOT NULL, created_by TEXT, updated_at TEXT NOT NULL, updated_by TEXT`);

  await sql`
    CREATE TABLE grids (
      id TEXT PRIMARY KEY,
      code TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL,
      worker_user_id TEXT REFERENCES users(id),
      worker_name TEXT NOT NULL DEFAULT '',
      worker_phone TEXT NOT NULL DEFAULT '',
      complaint_phone TEXT NOT NULL DEFAULT '',
      archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
      ${stamp}
    ) STRICT`.execute(db);

  await sql`
    CREATE TABLE compounds (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL UNIQUE,
      ${stamp}
    ) STRICT`.execute(db);

  // A building belongs to one grid; its name is the number people say ("3" for 3栋/3幢).
  await sql`
    CREATE TABLE buildings (
      id TEXT PRIMARY KEY,
      compound_id TEXT NOT NULL REFERENCES compounds(id),
      grid_id TEXT NOT NULL REFERENCES grids(id),
      name TEXT NOT NULL,
      floors INTEGER NOT NULL CHECK (floors BETWEEN 1 AND 200),
      ${stamp},
      UNIQUE (compound_id, name)
    ) STRICT`.execute(db);
  await sql`CREATE INDEX buildings_grid ON buildings (grid_id)`.execute(db);
  await sql`CREATE INDEX buildings_name ON buildings (name)`.execute(db);

  // unit is '无' where the building has no units (DOMAIN.md §8: "无", never empty).
  await sql`
    CREATE TABLE houses (
      id TEXT PRIMARY KEY,
      building_id TEXT NOT NULL REFERENCES buildings(id),
      unit TEXT NOT NULL DEFAULT '无',
      floor INTEGER NOT NULL,
      room TEXT NOT NULL,
      address_key TEXT NOT NULL,
      use TEXT NOT NULL DEFAULT '自住' CHECK (use IN ('自住', '出租', '空置', '商用')),
      owner_name TEXT NOT NULL DEFAULT '',
      landlord_name TEXT NOT NULL DEFAULT '',
      lease_start TEXT,
      lease_end TEXT,
      rental_registration_no TEXT NOT NULL DEFAULT '',
      ${stamp},
      UNIQUE (building_id, unit, room)
    ) STRICT`.execute(db);
  await sql`CREATE INDEX houses_address_key ON houses (address_key)`.execute(db);
  await sql`CREATE INDEX houses_room ON houses (room)`.execute(db);

  await sql`
    CREATE TABLE households (
      id TEXT PRIMARY KEY,
      number TEXT NOT NULL UNIQUE,
      house_id TEXT REFERENCES houses(id),
      head_resident_id TEXT,
      residence_relation TEXT NOT NULL DEFAULT '人户一致' CHECK (residence_relation IN ('人户一致', '人在户不在', '户在人不在')),
      last_visit_on TEXT,
      next_visit_due TEXT,
      archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
      ${stamp}
    ) STRICT`.execute(db);
  await sql`CREATE INDEX households_house ON households (house_id)`.execute(db);
  await sql`CREATE INDEX households_next_visit ON households (archived, next_visit_due)`.execute(db);

  await sql`
    CREATE TABLE residents (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      former_names TEXT NOT NULL DEFAULT '',
      name_pinyin TEXT NOT NULL,
      name_initials TEXT NOT NULL,
      doc_type TEXT NOT NULL CHECK (doc_type IN ('居民身份证', '港澳台居民居住证', '外国人永久居留证', '护照', '其他')),
      id_cipher TEXT,
      id_hash TEXT UNIQUE,
      id_tail_rev TEXT NOT NULL DEFAULT '',
      id_masked TEXT NOT NULL DEFAULT '',
      birth_date TEXT,
      gender TEXT CHECK (gender IN ('male', 'female')),
      region_code TEXT,
      phone_cipher TEXT,
      phone_last4 TEXT NOT NULL DEFAULT '',
      phone_masked TEXT NOT NULL DEFAULT '',
      status TEXT NOT NULL CHECK (status IN ('户籍', '居住证', '流动人口')),
      residence_reason TEXT NOT NULL DEFAULT '',
      registered_on TEXT,
      permit_expires_on TEXT,
      id_card_expires_on TEXT,
      ethnicity TEXT NOT NULL DEFAULT '',
      education TEXT NOT NULL DEFAULT '',
      marital_status TEXT NOT NULL DEFAULT '',
      occupation TEXT NOT NULL DEFAULT '',
      notes TEXT NOT NULL DEFAULT '',
      household_id TEXT REFERENCES households(id),
      relation_to_head TEXT NOT NULL DEFAULT '',
      grid_id TEXT REFERENCES grids(id),
      building_id TEXT REFERENCES buildings(id),
      house_id TEXT REFERENCES houses(id),
      moved_in_on TEXT,
      moved_out_on TEXT,
      died_on TEXT,
      archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
      ${stamp}
    ) STRICT`.execute(db);
  // Every list filter leads with archived (people who moved out are hidden unless asked for) and ends
  // with the keyset (sort column, id), so a deep page costs the same as the first.
  await sql`CREATE INDEX residents_name ON residents (name, id)`.execute(db);
  await sql`CREATE INDEX residents_pinyin ON residents (name_pinyin, id)`.execute(db);
  await sql`CREATE INDEX residents_initials ON residents (name_initials, id)`.execute(db);
  await sql`CREATE INDEX residents_id_tail ON residents (id_tail_rev)`.execute(db);
  await sql`CREATE INDEX residents_phone_last4 ON residents (phone_last4)`.execute(db);
  await sql`CREATE INDEX residents_archived_name ON residents (archived, name, id)`.execute(db);
  await sql`CREATE INDEX residents_archived_birth ON residents (archived, birth_date, id)`.execute(db);
  await sql`CREATE INDEX residents_grid ON residents (archived, grid_id, name, id)`.execute(db);
  await sql`CREATE INDEX residents_building ON residents (archived, building_id, name, id)`.execute(db);
  await sql`CREATE INDEX residents_status ON residents (archived, status, name, id)`.execute(db);
  await sql`CREATE INDEX residents_household ON residents (household_id)`.execute(db);
  await sql`CREATE INDEX residents_house ON residents (house_id)`.execute(db);
  await sql`CREATE INDEX residents_birth_md ON residents (archived, substr(birth_date, 6, 5))`.execute(db);
  await sql`CREATE INDEX residents_permit ON residents (archived, permit_expires_on)`.execute(db);
  await sql`CREATE INDEX residents_id_card_expiry ON residents (archived, id_card_expires_on)`.execute(db);
  await sql`CREATE INDEX residents_name_birth ON residents (name, birth_date)`.execute(db);
  await sql`CREATE TRIGGER residents_no_delete BEFORE DELETE ON residents BEGIN SELECT RAISE(ABORT, 'residents are archived, never deleted'); END`.execute(db);

  await sql`
    CREATE TABLE tags (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL UNIQUE,
      colour TEXT NOT NULL DEFAULT 'gray',
      sort INTEGER NOT NULL DEFAULT 0,
      ${stamp}
    ) STRICT`.execute(db);
  await sql`
    CREATE TABLE resident_tags (
      resident_id TEXT NOT NULL REFERENCES residents(id),
      tag_id TEXT NOT NULL REFERENCES tags(id),
      created_at TEXT NOT NULL,
      created_by TEXT,
      PRIMARY KEY (resident_id, tag_id)
    ) STRICT, WITHOUT ROWID`.execute(db);
  await sql`CREATE INDEX resident_tags_tag ON resident_tags (tag_id, resident_id)`.execute(db);

  // How often a household is visited: the shortest interval among its members' tags and statuses wins.
  await sql`
    CREATE TABLE visit_policy (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('tag', 'status', 'default')),
      match TEXT NOT NULL,
      interval_days INTEGER NOT NULL CHECK (interval_days BETWEEN 1 AND 730),
      ${stamp},
      UNIQUE (kind, match)
    ) STRICT`.execute(db);

  await sql`
    CREATE TABLE visits (
      id TEXT PRIMARY KEY,
      household_id TEXT NOT NULL REFERENCES households(id),
      visited_on TEXT NOT NULL,
      visitor_user_id TEXT REFERENCES users(id),
      visitor_name TEXT NOT NULL,
      outcome TEXT NOT NULL CHECK (outcome IN ('met', 'nobody_home', 'refused')),
      checklist_json TEXT NOT NULL CHECK (json_valid(checklist_json)),
      notes TEXT NOT NULL DEFAULT '',
      follow_up INTEGER NOT NULL DEFAULT 0 CHECK (follow_up IN (0, 1)),
      follow_up_note TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      created_by TEXT
    ) STRICT`.execute(db);
  await sql`CREATE INDEX visits_household ON visits (household_id, visited_on)`.execute(db);
  await sql`CREATE TRIGGER visits_no_update BEFORE UPDATE ON visits BEGIN SELECT RAISE(ABORT, 'visits are append-only'); END`.execute(db);
  await sql`CREATE TRIGGER visits_no_delete BEFORE DELETE ON visits BEGIN SELECT RAISE(ABORT, 'visits are append-only'); END`.execute(db);

  // The timeline on a resident's page: append-only.
  await sql`
    CREATE TABLE resident_events (
      id TEXT PRIMARY KEY,
      resident_id TEXT NOT NULL REFERENCES residents(id),
      at TEXT NOT NULL,
      on_date TEXT,
      actor_id TEXT,
      actor_name TEXT,
      kind TEXT NOT NULL CHECK (kind IN ('created', 'updated', 'moved_in', 'moved_out', 'died', 'household_changed', 'archived', 'restored', 'tagged', 'untagged', 'imported')),
      detail_json TEXT NOT NULL CHECK (json_valid(detail_json))
    ) STRICT`.execute(db);
  await sql`CREATE INDEX resident_events_resident ON resident_events (resident_id, at)`.execute(db);
  await sql`CREATE TRIGGER resident_events_no_update BEFORE UPDATE ON resident_events BEGIN SELECT RAISE(ABORT, 'history is append-only'); END`.execute(db);
  await sql`CREATE TRIGGER resident_events_no_delete BEFORE DELETE ON resident_events BEGIN SELECT RAISE(ABORT, 'history is append-only'); END`.execute(db);

  // Coded lists (民族, 文化程度, 婚姻状况, 职业, 居住事由, 与户主关系): defaults below, editable.
  await sql`
    CREATE TABLE code_lists (
      list TEXT NOT NULL,
      code TEXT NOT NULL,
      label TEXT NOT NULL,
      sort INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (list, code)
    ) STRICT, WITHOUT ROWID`.execute(db);

  await sql`
    CREATE TABLE import_mappings (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL UNIQUE,
      mapping_json TEXT NOT NULL CHECK (json_valid(mapping_json)),
      ${stamp}
    ) STRICT`.execute(db);

  await seedDefaults(db);
}

const now = '2026-01-01T00:00:00.000Z';

/** Defaults from DOMAIN.md: the tags, the "3456" visit policy and the coded lists. Ids are fixed so that
 *  every file has the same defaults. */
async function seedDefaults(db: Kysely<any>): Promise<void> {
  const tags: [string, string][] = [
    ['低保', 'orange'],
    ['特困', 'red'],
    ['残疾', 'grape'],
    ['独居老人', 'pink'],
    ['空巢', 'pink'],
    ['高龄', 'violet'],
    ['重点人员', 'red'],
    ['社区矫正', 'dark'],
    ['流动人口', 'cyan'],
    ['退役军人', 'green'],
  ];
  let i = 0;
  for (const [name, colour] of tags) {
    i++;
    await db
      .insertInto('tags')
      .values({ id: `tag-default-${String(i).padStart(2, '0')}`, name, colour, sort: i, created_at: now, updated_at: now })
      .execute();
  }
  // "3456": 流动人口 weekly, 重点人群 monthly, everyone else half-yearly.
  const policy: [string, string, number][] = [
    ['status', '流动人口', 7],
    ['tag', '流动人口', 7],
    ['tag', '重点人员', 30],
    ['tag', '社区矫正', 30],
    ['tag', '低保', 30],
    ['tag', '特困', 30],
    ['tag', '独居老人', 30],
    ['tag', '残疾', 30],
    ['default', '*', 182],
  ];
  i = 0;
  for (const [kind, match, days] of policy) {
    i++;
    await db
      .insertInto('visit_policy')
      .values({ id: `policy-default-${String(i).padStart(2, '0')}`, kind, match, interval_days: days, created_at: now, updated_at: now })
      .execute();
  }
  const lists: Record<string, string[]> = {
    ethnicity: [
      '汉族',
      '蒙古族',
      '回族',
      '藏族',
      '维吾尔族',
      '苗族',
      '彝族',
      '壮族',
      '布依族',
      '朝鲜族',
      '满族',
      '侗族',
      '瑶族',
      '白族',
      '土家族',
      '哈尼族',
      '哈萨克族',
      '傣族',
      '黎族',
      '其他',
    ],
    education: ['研究生', '大学本科', '大学专科', '中专', '高中', '初中', '小学', '学龄前', '未上学'],
    marital_status: ['未婚', '已婚', '丧偶', '离婚'],
    // Shenzhen's coded list (DOMAIN.md §8).
    occupation: [
      '公务员',
      '事业单位人员',
      '企业管理人员',
      '专业技术人员',
      '商业服务人员',
      '工人',
      '农民',
      '个体经营',
      '自由职业',
      '学生',
      '无业',
      '离退休',
      '其他',
    ],
    residence_reason: ['务工', '务农', '经商', '投靠亲友', '学习培训', '随迁家属', '就医', '其他'],
    relation_to_head: ['户主', '配偶', '子', '女', '父母', '祖父母', '孙子女', '兄弟姐妹', '儿媳', '女婿', '其他亲属', '非亲属'],
  };
  for (const [list, labels] of Object.entries(lists)) {
    let sort = 0;
    for (const label of labels) {
      sort++;
      await db
        .insertInto('code_lists')
        .values({ list, code: String(sort).padStart(2, '0'), label, sort })
        .execute();
    }
  }
}
