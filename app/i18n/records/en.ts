// Console strings of the community database (records pages), English; type-checked against the Chinese keys.
import type { Shape } from "../shape.ts";
import type { recordsZh } from "./zh-CN.ts";

export const recordsEn: Shape<typeof recordsZh> = {
  placeholder: "",
};
