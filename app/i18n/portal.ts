// Strings of the portal area.
export const portal = {
  "zh-CN": {},
  en: {},
};
