// The ordered list of migrations. Listed statically so bundlers and tsx see the same set.
import type { Migration } from "kysely";
import * as m0001 from "./0001_foundation.ts";
import * as m0002 from "./0002_dynamic_database.ts";
import * as m0003 from "./0003_sealed_account_mobiles.ts";
import * as m0004 from "./0004_views_and_marks.ts";
import * as m0005 from "./0005_transfer_jobs.ts";
import * as m0006 from "./0006_statistics.ts";
import * as m0007 from "./0007_inbox.ts";
import * as m0008 from "./0008_self_service.ts";
import * as m0009 from "./0009_backups.ts";
import * as m0010 from "./0010_audit_archive.ts";
import * as m0011 from "./0011_notices.ts";
import * as m0012 from "./0012_print_templates.ts";

export const migrations: Record<string, Migration> = {
  "0001_foundation": m0001,
  "0002_dynamic_database": m0002,
  "0003_sealed_account_mobiles": m0003,
  "0004_views_and_marks": m0004,
  "0005_transfer_jobs": m0005,
  "0006_statistics": m0006,
  "0007_inbox": m0007,
  "0008_self_service": m0008,
  "0009_backups": m0009,
  "0010_audit_archive": m0010,
  "0011_notices": m0011,
  "0012_print_templates": m0012,
};
