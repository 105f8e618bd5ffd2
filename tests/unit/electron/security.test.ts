import { describe, expect, it } from 'vitest';
import { APP_START_URL, appUrlCheck, appWebPreferences, isAppUrl, isSafeExternalUrl, printWebPreferences } from '../../../src/main/electron/security';

describe('window webPreferences', () => {
  it('has every guard on for the app window', () => {
    const prefs = appWebPreferences({ preload: '/app/out/preload/index.cjs', devTools: false });
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: false,
    });
    expect(prefs).toMatchObject({
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      devTools: false,
    });
  });

  it('turns dev tools on only when asked (development)', () => {
    expect(appWebPreferences({ preload: 'p', devTools: true }).devTools).toBe(true);
  });

  it('print window: the same guards, no preload, no JavaScript, its own partition', () => {
    const prefs = printWebPreferences('linli-print');
    expect(prefs).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: false,
      javascript: false,
      partition: 'linli-print',
      devTools: false,
    });
    expect(prefs.preload).toBeUndefined();
    expect(prefs.partition?.startsWith('persist:')).toBe(false);
  });
});

describe('isAppUrl', () => {
  it('accepts the app origin only', () => {
    expect(isAppUrl('app://linli/index.html')).toBe(true);
    expect(isAppUrl(APP_START_URL)).toBe(true);
    expect(isAppUrl('app://linli/')).toBe(true);
    expect(isAppUrl('app://linli/residents?id=1#x')).toBe(true);
  });

  it('refuses everything else', () => {
    for (const url of [
      'file:///work/main/out/renderer/index.html',
      'http://127.0.0.1/',
      'http://127.0.0.1:5173/index.html',
      'http://localhost/',
      'https://linli/',
      'app://evil/index.html',
      'app://linli.evil.com/index.html',
      'app://evil.linli/index.html',
      'app://user:pw@linli/index.html',
      'app://linli:8080/index.html',
      'APP://EVIL/',
      'javascript:alert(1)',
      'data:text/html,<script>1</script>',
      'about:blank',
      'devtools://devtools/bundled/inspector.html',
      '',
      'not a url',
    ]) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });

  it('accepts a loopback dev server only when one is configured', () => {
    const dev = appUrlCheck('http://localhost:5173/');
    expect(dev('http://localhost:5173/index.html')).toBe(true);
    expect(dev('app://linli/index.html')).toBe(true);
    expect(dev('http://localhost:5174/')).toBe(false);
    expect(dev('http://evil.example/')).toBe(false);
    expect(appUrlCheck(null)).toBe(isAppUrl);
    // A dev URL that is not loopback http is ignored.
    expect(appUrlCheck('https://evil.example/')('https://evil.example/')).toBe(false);
    expect(appUrlCheck('http://192.168.1.5:5173/')('http://192.168.1.5:5173/')).toBe(false);
  });
});

describe('isSafeExternalUrl', () => {
  it('allows https and mailto', () => {
    expect(isSafeExternalUrl('https://www.gov.cn/')).toBe(true);
    expect(isSafeExternalUrl('mailto:help@example.org')).toBe(true);
  });

  it('refuses everything else', () => {
    for (const url of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      'file:///etc/passwd',
      'file://server/share/x.exe',
      'http://example.org/',
      'smb://server/share',
      'ms-msdt:/id PCWDiagnostic',
      'vbscript:msgbox',
      'data:text/html,x',
      'app://linli/index.html',
      'https://user:pw@example.org/',
      '',
      'https//example.org',
    ]) {
      expect(isSafeExternalUrl(url), url).toBe(false);
    }
  });
});
