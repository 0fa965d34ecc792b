// File names as people see them: cleaned on the way in, quoted safely on the way out. Pure.

/** Longest name kept, in characters (the column holds 255; leave room for a changed extension). */
export const MAX_NAME = 120;

// C0/C1 controls, and the bidirectional overrides that can make "gpj.exe" display as "exe.jpg".
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
const UNWANTED = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/**
 * A name safe to store and show: only the last path segment (browsers on Windows once sent
 * "C:\\Users\\…\\photo.jpg"), no control or direction characters, no leading dots, at most MAX_NAME
 * characters with the extension kept. Falls back to `fallback` when nothing is left.
 */
export function cleanFileName(raw: string, fallback: string): string {
  // Lone surrogates first: they cannot be encoded (encodeURIComponent would throw on them).
  let name = raw
    .replace(/\p{Surrogate}/gu, "")
    .normalize("NFC")
    .replace(UNWANTED, "");
  name = name.split(/[/\\]/).pop() ?? "";
  name = name
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^[.\s]+/, "")
    .replace(/[.\s]+$/, "");
  if (!name) return fallback;
  const chars = [...name];
  if (chars.length <= MAX_NAME) return name;
  const dot = name.lastIndexOf(".");
  const ext = dot > 0 ? [...name.slice(dot)] : [];
  // An "extension" longer than a few characters is part of the name, not a type.
  const keep = ext.length > 0 && ext.length <= 10 ? ext : [];
  return (
    chars
      .slice(0, MAX_NAME - keep.length)
      .join("")
      .trimEnd() + keep.join("")
  );
}

/** `name` with its extension replaced by (or given) `ext` (no dot). */
export function withExtension(name: string, ext: string): string {
  const dot = name.lastIndexOf(".");
  const stem = dot > 0 ? name.slice(0, dot) : name;
  return `${stem}.${ext}`;
}

/**
 * A Content-Disposition header: an ASCII-only `filename` for old clients and the real name as an
 * RFC 5987 `filename*`, so Chinese names survive and no quote or newline can break the header.
 */
export function contentDisposition(type: "inline" | "attachment", name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
