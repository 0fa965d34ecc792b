// The storage interface behind uploaded photos and documents. The default keeps files in a local
// directory; another backend (object storage) implements the same three calls.
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";

/** "original" is the file as uploaded; "thumb" the small image made from a photo. */
export type FileVariant = "original" | "thumb";

export interface FileStorage {
  put(id: string, variant: FileVariant, data: Buffer): Promise<void>;
  /** The bytes, or null when nothing is stored under that id and variant. */
  get(id: string, variant: FileVariant): Promise<Buffer | null>;
  remove(id: string): Promise<void>;
}

const SAFE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Files under `root`, two directory levels from the id so no directory grows too large. */
export function localFileStorage(root: string): FileStorage {
  const where = (id: string, variant: FileVariant) => {
    if (!SAFE_ID.test(id)) throw new Error("unsafe file id");
    return path.join(root, id.slice(0, 2), `${id}.${variant}`);
  };
  return {
    async put(id, variant, data) {
      const file = where(id, variant);
      await fs.mkdir(path.dirname(file), { recursive: true });
      // Write then rename, so a reader never sees half a file; the random part keeps two writers
      // (another process, or a retry still in flight) from sharing a temporary file.
      const temporary = `${file}.${process.pid}.${crypto.randomBytes(4).toString("hex")}.tmp`;
      try {
        await fs.writeFile(temporary, data, { mode: 0o600 });
        await fs.rename(temporary, file);
      } catch (error) {
        await fs.rm(temporary, { force: true });
        throw error;
      }
    },
    async get(id, variant) {
      try {
        return await fs.readFile(where(id, variant));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw e;
      }
    },
    async remove(id) {
      await Promise.all((["original", "thumb"] as const).map((v) => fs.rm(where(id, v), { force: true })));
    },
  };
}
