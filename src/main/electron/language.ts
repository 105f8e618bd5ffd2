import fs from 'node:fs';
import path from 'node:path';
import { chosenLocale } from '../../shared/i18n/choice';
import type { Locale } from '../../shared/i18n/translate';

// The language the user chose in the window (the renderer keeps it in its storage and tells the shell on
// every start and change, over SET_LANGUAGE_CHANNEL). The shell writes it beside its other files, so the
// next start's dialogs, shown before any window, speak it too. No file, or an unknown value: Chinese.

/** The file in Electron's userData folder that holds the last chosen language ('zh-CN' or 'en'). */
export function languageFile(userData: string): string {
  return path.join(userData, 'language');
}

export function readShellLanguage(file: string): Locale {
  try {
    return chosenLocale(fs.readFileSync(file, 'utf8').trim());
  } catch {
    return chosenLocale(null);
  }
}

/** Keeps the choice for the next start; a folder that cannot be written only loses that. */
export function saveShellLanguage(file: string, locale: Locale): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, locale);
  } catch (err) {
    console.error('[linli] the chosen language could not be kept for the next start:', err);
  }
}
