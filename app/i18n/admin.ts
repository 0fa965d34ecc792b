// Strings of the admin area.
export const admin = {
  "zh-CN": {},
  en: {},
};
