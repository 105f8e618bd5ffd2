import QRCode from 'qrcode';

// QR codes for digests and links. The HTML gets a vector path built from the code's modules (no image to
// load, sharp at any print size); DOCX gets a PNG, which Word and WPS place as a picture.

/** Medium error correction: a printed code survives a fold or a stain. */
const OPTIONS = { errorCorrectionLevel: 'M' as const };
/** The quiet zone the standard asks for around the code, in modules. */
export const QR_MARGIN = 4;

export interface QrMatrix {
  size: number;
  /** One SVG path drawing every dark module, in module units, offset by the quiet zone. */
  path: string;
}

export function qrMatrix(data: string): QrMatrix {
  const code = QRCode.create(data, OPTIONS);
  const { size, data: bits } = code.modules;
  let path = '';
  for (let y = 0; y < size; y++) {
    // Runs of dark modules in a row become one rectangle: a tenth of the path a module per rect would be.
    for (let x = 0; x < size;) {
      if (!bits[y * size + x]) {
        x++;
        continue;
      }
      let end = x;
      while (end < size && bits[y * size + end]) end++;
      path += `M${x + QR_MARGIN} ${y + QR_MARGIN}h${end - x}v1h${x - end}z`;
      x = end;
    }
  }
  return { size: size + 2 * QR_MARGIN, path };
}

export async function qrPng(data: string, widthPx: number): Promise<Uint8Array> {
  const buffer = await QRCode.toBuffer(data, { ...OPTIONS, type: 'png', margin: QR_MARGIN, width: widthPx });
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
