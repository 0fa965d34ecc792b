// Some writers (the .NET Open XML SDK among them) put every SpreadsheetML element under a prefix:
// <x:worksheet><x:sheetData><x:row>. ExcelJS matches element names literally, so such a sheet would
// read as empty. The prefix of the root element is dropped from element names as the text streams by.

const ROOT = /<(?![?!])([A-Za-z_][\w.-]*:)?[A-Za-z_][\w.-]*[\s/>]/;

/** The same XML text with the root element's prefix removed from every element name. */
export async function* withoutRootPrefix(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let prefixed: RegExp | null | undefined; // undefined until the root element has been seen
  let carry = "";
  for await (const chunk of chunks) {
    let text = carry + chunk;
    carry = "";
    if (prefixed === undefined) {
      const root = ROOT.exec(text);
      if (!root) {
        carry = text;
        continue;
      }
      prefixed = root[1] ? new RegExp(`<(/?)${root[1].replace(/\./g, "\\.")}`, "g") : null;
    }
    if (prefixed === null) {
      yield text;
      continue;
    }
    // A tag cut at the chunk's end waits for the next chunk, so its prefix is seen whole.
    const cut = text.lastIndexOf("<");
    if (cut >= 0 && text.indexOf(">", cut) < 0) {
      carry = text.slice(cut);
      text = text.slice(0, cut);
    }
    yield text.replace(prefixed, "<$1");
  }
  if (carry) yield prefixed ? carry.replace(prefixed, "<$1") : carry;
}
