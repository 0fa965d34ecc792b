// Console strings of the grid (community database), Simplified Chinese: the source of the keys.
export const gridZh = {
  title: "grid",
};
