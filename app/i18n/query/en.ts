// Console strings of the query (community database), English; type-checked against the Chinese keys.
import type { Shape } from "../shape.ts";
import type { queryZh } from "./zh-CN.ts";

export const queryEn: Shape<typeof queryZh> = {
  title: "query",
};
