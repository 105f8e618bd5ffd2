/**
 * The Content-Security-Policy every host sends with the app's pages (the Electron `app://` protocol and
 * `linli serve`): nothing but the app's own origin; inline styles only because Mantine injects them.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
