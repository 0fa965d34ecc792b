// The built-in notice templates a street office copies and changes: one folder each under
// emails/templates/ (see README.md). Read from disk at runtime, so editing a folder needs no build, and
// found from the project root, so the server build (build/server/) finds them as the sources do.
import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { type CampaignContent, campaignContentSchema } from "../../app/notify/content.ts";
import { CHANNELS, type Channel } from "../channels/types.ts";

export interface BuiltinTemplate {
  /** The folder's name: "birthday". */
  key: string;
  name: string;
  description: string;
  channels: Channel[];
  /** Merge fields it uses that the people table lacks until the office adds them. */
  needs: string[];
  content: CampaignContent;
}

const manifestSchema = z.object({
  name: z.string().min(1).max(50),
  description: z.string().max(500),
  channels: z.array(z.enum(CHANNELS)).min(1),
  subject: z.string(),
  needs: z.array(z.string()).default([]),
});

/** emails/templates of the project: upwards from this module to the app's package.json. */
async function templatesDir(): Promise<string> {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    const manifest = await fs.readFile(path.join(dir, "package.json"), "utf8").catch(() => null);
    if (manifest && JSON.parse(manifest).name === "linli") return path.join(dir, "emails", "templates");
    if (path.dirname(dir) === dir) throw new Error("emails/templates: no project root above this module");
  }
}

/** A file of the folder without its final line break (a trailing newline would be sent in an SMS). */
async function readPart(dir: string, file: string): Promise<string | undefined> {
  const text = await fs.readFile(path.join(dir, file), "utf8").catch((e: NodeJS.ErrnoException) => {
    if (e.code === "ENOENT") return undefined;
    throw e;
  });
  return text?.trimEnd();
}

async function readTemplate(root: string, key: string): Promise<BuiltinTemplate | null> {
  const dir = path.join(root, key);
  const manifest = await readPart(dir, "template.json");
  if (manifest === undefined) return null;
  try {
    const meta = manifestSchema.parse(JSON.parse(manifest));
    const text = await readPart(dir, "email.txt");
    if (text === undefined) throw new Error("email.txt is missing");
    const content = campaignContentSchema.parse({
      subject: meta.subject,
      text,
      html: await readPart(dir, "email.html"),
      sms: await readPart(dir, "sms.txt"),
    });
    const { name, description, channels, needs } = meta;
    return { key, name, description, channels, needs, content };
  } catch (error) {
    throw new Error(`emails/templates/${key}: ${error instanceof Error ? error.message : error}`);
  }
}

let cached: Promise<BuiltinTemplate[]> | undefined;

/** Every built-in template, by folder name; read once per process. */
export function listBuiltinTemplates(): Promise<BuiltinTemplate[]> {
  cached ??= (async () => {
    const root = await templatesDir();
    const entries = await fs.readdir(root, { withFileTypes: true });
    const keys = entries
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    const templates = await Promise.all(keys.map((key) => readTemplate(root, key)));
    return templates.filter((t): t is BuiltinTemplate => t !== null);
  })().catch((error) => {
    cached = undefined; // a fixed folder is read on the next call
    throw error;
  });
  return cached;
}
