type Tree = { [key: string]: string | Tree };

/**
 * Deep-merges locale trees: the base files and each area's own files (src/shared/i18n/<area>/, the
 * renderer's features/<area>/i18n/); a later tree adds to an earlier one, key by key.
 */
export function deepMerge(...trees: Tree[]): Tree {
  const out: Tree = {};
  for (const tree of trees) {
    for (const [key, value] of Object.entries(tree)) {
      const existing = out[key];
      out[key] = typeof value === 'object' && typeof existing === 'object' ? deepMerge(existing, value) : value;
    }
  }
  return out;
}

export type { Tree as LocaleTree };
