import { Badge, Combobox, createTheme } from '@mantine/core';

/** Calm and plain: a desk tool used all day, not a brochure. */
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: 7,
  defaultRadius: 'sm',
  fontFamily: '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif',
  headings: {
    fontFamily: '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif',
    fontWeight: '600',
  },
  fontFamilyMonospace: 'ui-monospace, "Cascadia Mono", "Source Code Pro", Menlo, Consolas, monospace',
  // Keyboard users always see where they are; mouse clicks do not leave rings behind.
  focusRing: 'auto',
  cursorType: 'pointer',
  components: {
    // Mantine 9 keeps every closed dropdown's option list in the page, labelled like its input, so
    // "the field labelled 操作人" would name two elements; a closed list is simply not there.
    Combobox: Combobox.extend({ defaultProps: { keepMounted: false } }),
    // Role and status names are read, not shouted: no capitals in English.
    Badge: Badge.extend({ defaultProps: { tt: 'none' } }),
  },
});
