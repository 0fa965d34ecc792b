// Console strings of the grid (community database), English; type-checked against the Chinese keys.
import type { Shape } from "../shape.ts";
import type { gridZh } from "./zh-CN.ts";

export const gridEn: Shape<typeof gridZh> = {
  title: "grid",
};
