// The Chinese font of every PDF the app makes: Noto Sans SC (Regular and Bold) from the npm package
// @expo-google-fonts/noto-sans-sc, so a PDF looks the same on every server whatever fonts the system has.
// Its TrueType outlines cover all of GB 18030's ideographs in the BMP (CJK Unified and Extension A) and
// the rarer name characters of 通用规范汉字表 (䶮, 𫖮, 𬌗 …); react-pdf embeds only the glyphs a document
// uses, so a report PDF stays a few tens of kilobytes although each font file is about 10 MB.
import { createRequire } from "node:module";
import { Font } from "@react-pdf/renderer";

export const PDF_FONT = "Noto Sans SC";

// Resolved through Node's module lookup from this file, so it finds node_modules both from the sources
// and from the server build.
const require = createRequire(import.meta.url);
const PACKAGE = "@expo-google-fonts/noto-sans-sc";

let registered = false;

/**
 * Chinese text has no spaces, and react-pdf breaks lines only at spaces or between the pieces this returns,
 * drawing a hyphen at a break between two pieces. An empty piece after each Chinese character counts as a
 * space of no width, so a line may end after any of them without a hyphen; Latin words and numbers stay whole.
 */
const CJK_CHAR = /^(?:[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]|[\u{20000}-\u{3fffd}])$/u;
export function breakChinese(word: string): string[] {
  const parts: string[] = [];
  let latin = "";
  for (const ch of word) {
    if (!CJK_CHAR.test(ch)) {
      latin += ch;
      continue;
    }
    if (latin) parts.push(latin);
    latin = "";
    parts.push(ch, "");
  }
  if (latin) parts.push(latin);
  return parts;
}

/** The font file of a weight (to measure text with the same outlines the PDF draws). */
export function pdfFontFile(weight: 400 | 700): string {
  return weight === 700
    ? require.resolve(`${PACKAGE}/700Bold/NotoSansSC_700Bold.ttf`)
    : require.resolve(`${PACKAGE}/400Regular/NotoSansSC_400Regular.ttf`);
}

/** Register the font (once per process); returns its family name for styles. */
export function registerPdfFont(): string {
  if (registered) return PDF_FONT;
  Font.register({
    family: PDF_FONT,
    fonts: [
      { src: pdfFontFile(400), fontWeight: 400 },
      { src: pdfFontFile(700), fontWeight: 700 },
    ],
  });
  Font.registerHyphenationCallback(breakChinese);
  registered = true;
  return PDF_FONT;
}
