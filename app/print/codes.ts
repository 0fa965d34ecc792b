// QR codes as vector paths (sharp at any size, a few hundred bytes each) and their modules for the
// designer's preview. Isomorphic: the qrcode library only computes the matrix here.
import QRCode from "qrcode";

export interface QrMatrix {
  size: number;
  /** An SVG path of the dark modules, one unit a module, with a quiet zone of one module. */
  path: string;
}

/** Null when the text is empty or too long for a QR code. */
export function qrMatrix(text: string): QrMatrix | null {
  if (!text) return null;
  let modules: { size: number; data: Uint8Array };
  try {
    modules = QRCode.create(text, { errorCorrectionLevel: "M" }).modules;
  } catch {
    return null;
  }
  const { size, data } = modules;
  let path = "";
  for (let row = 0; row < size; row++) {
    let col = 0;
    while (col < size) {
      if (!data[row * size + col]) {
        col++;
        continue;
      }
      // A run of dark modules in a row is one rectangle.
      const start = col;
      while (col < size && data[row * size + col]) col++;
      path += `M${start + 1} ${row + 1}h${col - start}v1h${start - col}z`;
    }
  }
  return { size: size + 2, path };
}
