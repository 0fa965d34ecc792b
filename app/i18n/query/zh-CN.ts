// Console strings of the query (community database), Simplified Chinese: the source of the keys.
export const queryZh = {
  title: "query",
};
