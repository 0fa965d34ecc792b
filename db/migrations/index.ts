// The ordered list of migrations. Listed statically so bundlers and tsx see the same set.
import type { Migration } from "kysely";
import * as m0001 from "./0001_foundation.ts";
import * as m0002 from "./0002_dynamic_database.ts";

export const migrations: Record<string, Migration> = {
  "0001_foundation": m0001,
  "0002_dynamic_database": m0002,
};
