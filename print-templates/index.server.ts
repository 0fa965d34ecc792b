// The built-in print templates a street office copies and changes: one .json file each in print-templates/
// (see README.md), in the same format as the designer's export. Read from disk at runtime, so editing a
// file needs no build, and found from the project root, so the server build finds them as the sources do.
import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type PrintTemplate, printTemplateSchema } from "../app/print/template.ts";

export interface BuiltinPrintTemplate {
  /** The file's name without .json: "badge". */
  key: string;
  template: PrintTemplate;
}

/** The order the console lists them in; files not named here follow by name. */
const ORDER = [
  "badge",
  "envelope",
  "address-labels",
  "thank-you-letter",
  "certificate",
  "tent-card",
  "birthday-card",
  "spring-card",
];

async function templatesDir(): Promise<string> {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    const manifest = await fs.readFile(path.join(dir, "package.json"), "utf8").catch(() => null);
    if (manifest && JSON.parse(manifest).name === "linli") return path.join(dir, "print-templates");
    if (path.dirname(dir) === dir) throw new Error("print-templates: no project root above this module");
  }
}

const rank = (key: string) => (ORDER.includes(key) ? ORDER.indexOf(key) : ORDER.length);

/** Every built-in template; a file that does not parse is an error of the release, so it throws. */
export async function listBuiltinPrintTemplates(): Promise<BuiltinPrintTemplate[]> {
  const dir = await templatesDir();
  const files = (await fs.readdir(dir)).filter((f) => f.endsWith(".json"));
  const out: BuiltinPrintTemplate[] = [];
  for (const file of files) {
    const key = file.slice(0, -".json".length);
    const parsed = printTemplateSchema.safeParse(JSON.parse(await fs.readFile(path.join(dir, file), "utf8")));
    if (!parsed.success) throw new Error(`print-templates/${file}: ${parsed.error.message}`);
    out.push({ key, template: parsed.data });
  }
  return out.sort((a, b) => rank(a.key) - rank(b.key) || a.key.localeCompare(b.key));
}
