// Console strings of the community database (schema pages), English; type-checked against the Chinese keys.
import type { Shape } from "../shape.ts";
import type { schemaZh } from "./zh-CN.ts";

export const schemaEn: Shape<typeof schemaZh> = {
  placeholder: "",
};
