import { formatFen, parseYuanToFen } from '@shared/values/money';

/** ¥1,234.56 for a fen amount. */
export const yuan = (fen: number) => formatFen(fen);

/** A yuan amount typed by the user → fen, or the money.* error code to show. */
export function fenFromInput(text: string): { fen: number; error: null } | { fen: null; error: string } {
  const r = parseYuanToFen(text);
  return r.ok ? { fen: r.fen, error: null } : { fen: null, error: r.code };
}
