// The few facts about an .xlsx needed before any row is read: sheet names in order, where each sheet's
// XML lives, the date system, and where shared strings and styles are. These parts are small, so plain
// text matching is enough; element prefixes (`x:sheet`) and attribute order vary between writers.

export interface BookSheet {
  name: string;
  /** Zip path of the worksheet XML; null for a chart sheet or a sheet the workbook cannot locate. */
  path: string | null;
}

export interface Book {
  sheets: BookSheet[];
  /** workbookPr date1904 is "1" or "true" (ExcelJS alone only understands "1"). */
  date1904: boolean;
  sharedStrings: string | null;
  styles: string | null;
}

const ENTITY: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function decodeXmlText(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, name: string) => {
    if (name[0] !== "#") return ENTITY[name.toLowerCase()] ?? whole;
    const code =
      name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** Attributes of every `<tag …>` (any namespace prefix), by qualified name. */
function elements(xml: string, tag: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  const element = new RegExp(`<(?:[\\w.-]+:)?${tag}\\b((?:[^>"']|"[^"]*"|'[^']*')*)>`, "g");
  for (const m of xml.matchAll(element)) {
    const attributes: Record<string, string> = {};
    for (const a of m[1]!.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      attributes[a[1]!] = decodeXmlText(a[2] ?? a[3] ?? "");
    }
    out.push(attributes);
  }
  return out;
}

/** The relationship id of a <sheet>: the namespaced `id` attribute (r:id, whatever the prefix). */
function relationshipId(attributes: Record<string, string>): string | null {
  for (const [name, value] of Object.entries(attributes)) if (/^[\w.-]+:id$/.test(name)) return value;
  return null;
}

/** A relationship target as a zip path: relative to xl/, or absolute from the package root. */
function resolveTarget(target: string): string {
  const parts = target.startsWith("/") ? [] : ["xl"];
  for (const part of target.split("/")) {
    if (part === "..") parts.pop();
    else if (part && part !== ".") parts.push(part);
  }
  return parts.join("/");
}

const typeOf = (type: string | undefined) => type?.slice(type.lastIndexOf("/") + 1) ?? "";

export function parseBook(workbookXml: string, relsXml: string | null): Book {
  const rels = new Map<string, { type: string; target: string }>();
  for (const r of relsXml ? elements(relsXml, "Relationship") : []) {
    if (r.Id && r.Target && r.TargetMode !== "External") {
      rels.set(r.Id, { type: typeOf(r.Type), target: resolveTarget(r.Target) });
    }
  }
  const partOfType = (type: string) => [...rels.values()].find((r) => r.type === type)?.target ?? null;
  const workbookPr = elements(workbookXml, "workbookPr")[0] ?? {};
  const date1904 = workbookPr.date1904 === "1" || workbookPr.date1904?.toLowerCase() === "true";
  const sheets = elements(workbookXml, "sheet").map((attributes, i): BookSheet => {
    const rel = rels.get(relationshipId(attributes) ?? "");
    return {
      name: attributes.name || `Sheet${i + 1}`,
      path: rel?.type === "worksheet" ? rel.target : null,
    };
  });
  return { sheets, date1904, sharedStrings: partOfType("sharedStrings"), styles: partOfType("styles") };
}

/** Rows a worksheet declares in `<dimension ref="A1:T1001">` near its start; null when absent. */
export function declaredRows(sheetXmlHead: string): number | null {
  const dimension = elements(sheetXmlHead, "dimension")[0]?.ref;
  const last = dimension?.split(":").pop()?.match(/\d+$/);
  return last ? Number(last[0]) : null;
}
