// Console strings of the community database (schema pages), Simplified Chinese: the source of the keys.
export const schemaZh = {
  placeholder: "",
};
