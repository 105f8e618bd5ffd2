import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';

/**
 * Screenshots of real screens, for people to look at: into test-results/screenshots, and into
 * resources/screenshots (used by the README) when LINLI_SCREENSHOTS=readme.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  const folders = [path.resolve('test-results', 'screenshots')];
  if (process.env.LINLI_SCREENSHOTS === 'readme') folders.push(path.resolve('resources', 'screenshots'));
  const shot = await page.screenshot({ fullPage: false });
  for (const folder of folders) {
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, `${name}.png`), shot);
  }
}
