// Kept apart from translate.ts, which loads every locale file: the renderer needs only this rule.

/** The language a stored choice names, else Chinese: how the screens and the desktop shell both pick. */
export function chosenLocale(value: unknown): 'zh-CN' | 'en' {
  return value === 'zh-CN' || value === 'en' ? value : 'zh-CN';
}
