import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveAppRequest } from '../../../src/main/electron/app-files';
import { CONTENT_SECURITY_POLICY } from '../../../src/shared/csp';

describe('app:// protocol answers', () => {
  let root: string;
  let renderer: string;
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-proto-'));
    renderer = path.join(root, 'renderer');
    fs.mkdirSync(path.join(renderer, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html>');
    fs.writeFileSync(path.join(renderer, 'assets', 'index-abc.js'), 'export {}');
    fs.writeFileSync(path.join(root, 'secret.txt'), 'outside the renderer');
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  const file = (url: string, method?: string) => {
    const a = resolveAppRequest(renderer, url, method);
    return a.status === 200 ? path.relative(renderer, a.file) : a.status;
  };

  it('serves files of the built renderer with their type and the CSP', () => {
    const a = resolveAppRequest(renderer, 'app://linli/assets/index-abc.js');
    expect(a.status).toBe(200);
    expect(a.headers['Content-Type']).toBe('text/javascript; charset=utf-8');
    expect(a.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(a.headers['X-Content-Type-Options']).toBe('nosniff');
    expect(file('app://linli/')).toBe('index.html');
    expect(file('app://linli/index.html')).toBe('index.html');
  });

  it('gives the page itself for paths it routes', () => {
    expect(file('app://linli/residents/123')).toBe('index.html');
    expect(file('app://linli/assets/missing.js?x=1')).toBe('index.html');
  });

  it('never leaves the renderer folder', () => {
    for (const url of [
      'app://linli/../secret.txt',
      'app://linli/%2e%2e/secret.txt',
      'app://linli/assets/..%2f..%2fsecret.txt',
      'app://linli/..%5csecret.txt',
      'app://linli/%00',
      'app://linli/%E0%A4%A',
    ]) {
      const a = resolveAppRequest(renderer, url);
      if (a.status === 200) expect(path.relative(renderer, a.file).startsWith('..'), url).toBe(false);
      expect(a.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    }
    expect(file('app://linli/%00')).toBe(404);
  });

  it('answers nothing for other hosts or methods', () => {
    expect(file('app://evil/index.html')).toBe(404);
    expect(file('app://linli/index.html', 'POST')).toBe(405);
    expect(file('app://linli/index.html', 'HEAD')).toBe('index.html');
  });

  it('says so when the renderer is not built', () => {
    expect(resolveAppRequest(path.join(root, 'nothing-here'), 'app://linli/index.html').status).toBe(500);
  });
});
