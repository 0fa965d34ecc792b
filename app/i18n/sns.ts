// Strings of the sns area.
export const sns = {
  "zh-CN": {},
  en: {},
};
