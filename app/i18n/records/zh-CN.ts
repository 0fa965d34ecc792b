// Console strings of the community database (records pages), Simplified Chinese: the source of the keys.
export const recordsZh = {
  placeholder: "",
};
