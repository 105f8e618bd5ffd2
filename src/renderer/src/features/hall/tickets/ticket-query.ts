/** A ticket number as core draws them (受理 SL, the year, six digits): SL2026-000123. */
const TICKET_NUMBER = /\bSL\d{4}-\d{6}\b/i;

/**
 * What the tickets search box sends as hall.listTickets' query: a ticket number (whole, its beginning, or
 * its last digits) or an applicant's name as typed — or, from a barcode scanner on a printed 受理回执, the
 * number inside the QR code's text. A scanner types the payload like a keyboard, so a URL or labelled
 * text arrives here whole; the number is taken out of it.
 */
export function ticketQuery(input: string): string {
  const text = input.trim();
  if (!text) return '';
  const whole = TICKET_NUMBER.exec(text);
  // Typed by hand, 'SL2026-000123' is itself; inside a longer text it is the number the text carries.
  if (whole && whole[0].length !== text.length) return whole[0].toUpperCase();
  if (whole) return text;
  const fromUrl = numberInUrl(text);
  if (fromUrl) return fromUrl;
  return text.slice(0, 40);
}

/** A payload that is a link (a 好差评 or 办件查询 page) naming the ticket in its query string. */
function numberInUrl(text: string): string | null {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return null;
  try {
    const url = new URL(text);
    for (const key of ['number', 'ticket', 'no', 'n']) {
      const value = url.searchParams.get(key)?.trim();
      if (value) return value.slice(0, 40);
    }
    return null;
  } catch {
    return null;
  }
}
