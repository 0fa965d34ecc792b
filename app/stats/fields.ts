// What a chart or report can group by and measure: the table's fields the query engine can group
// (formula fields such as 年龄 included) and the org levels 社区 / 网格.
import { FieldResolver } from "../../analytics/query/fields.ts";
import { Params } from "../../analytics/query/params.ts";
import type { TableDef } from "../schema/tables.server.ts";
import { ORG_LEVELS } from "./spec.ts";

export interface StatsField {
  key: string;
  label: string;
  kind: string;
  /** Can be summed and averaged, and grouped in bands. */
  numeric: boolean;
  /** One record may hold several values (特殊人群). */
  multi: boolean;
}

const GROUPABLE = new Set(["choice", "list", "boolean", "text", "number", "date", "money", "address"]);

export function statsFields(table: TableDef, today = "2000-01-01"): StatsField[] {
  const fields = new FieldResolver(table, new Params(), today)
    .all()
    .filter((f) => GROUPABLE.has(f.kind) && !f.field?.sensitive)
    .map((f) => ({
      key: f.key,
      label: f.label,
      kind: f.kind,
      numeric: f.kind === "number" || f.kind === "money",
      multi: f.kind === "list",
    }));
  const orgs = Object.entries(ORG_LEVELS).map(([key, level]) => ({
    key,
    label: level.zh,
    kind: "org",
    numeric: false,
    multi: false,
  }));
  return [...orgs, ...fields];
}
