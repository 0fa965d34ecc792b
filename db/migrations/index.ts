// The ordered list of migrations. Listed statically so bundlers and tsx see the same set.
import type { Migration } from "kysely";
import * as m0001 from "./0001_foundation.ts";

export const migrations: Record<string, Migration> = {
  "0001_foundation": m0001,
};
