// The function set: canonical English names, Chinese aliases and how many arguments each takes.
// Typing lives in check.ts and evaluation in calls.ts.

export interface FunctionSpec {
  name: string;
  zh: string;
  min: number;
  /** Infinity for CONCAT and COALESCE. */
  max: number;
}

const SPECS: FunctionSpec[] = [
  { name: "AGE", zh: "年龄", min: 1, max: 1 },
  { name: "YEAR", zh: "年份", min: 1, max: 1 },
  { name: "MONTH", zh: "月份", min: 1, max: 1 },
  { name: "DAY", zh: "日", min: 1, max: 1 },
  { name: "TODAY", zh: "今天", min: 0, max: 0 },
  { name: "DATEDIFF", zh: "日期差", min: 3, max: 3 },
  { name: "IF", zh: "如果", min: 3, max: 3 },
  { name: "ROUND", zh: "四舍五入", min: 1, max: 2 },
  { name: "ABS", zh: "绝对值", min: 1, max: 1 },
  { name: "LEN", zh: "长度", min: 1, max: 1 },
  { name: "CONCAT", zh: "连接", min: 1, max: Number.POSITIVE_INFINITY },
  { name: "LEFT", zh: "左取", min: 2, max: 2 },
  { name: "RIGHT", zh: "右取", min: 2, max: 2 },
  { name: "COALESCE", zh: "首个有值", min: 1, max: Number.POSITIVE_INFINITY },
  { name: "ISBLANK", zh: "为空", min: 1, max: 1 },
];

export const FUNCTIONS: readonly FunctionSpec[] = SPECS;

const BY_NAME = new Map<string, FunctionSpec>();
for (const spec of SPECS) {
  BY_NAME.set(spec.name, spec);
  BY_NAME.set(spec.zh, spec);
}

/** The function a written name stands for; English names are case-insensitive. */
export const findFunction = (written: string): FunctionSpec | undefined => BY_NAME.get(written.toUpperCase());

/** DATEDIFF's first argument, in English or Chinese. */
export const DATE_UNITS: Record<string, "day" | "month" | "year"> = {
  day: "day",
  month: "month",
  year: "year",
  天: "day",
  日: "day",
  月: "month",
  年: "year",
};

export function arityText(spec: FunctionSpec): readonly [string, string] {
  if (spec.min === spec.max) return [`${spec.min} 个`, `${spec.min}`];
  if (spec.max === Number.POSITIVE_INFINITY) return [`至少 ${spec.min} 个`, `at least ${spec.min}`];
  return [`${spec.min} 到 ${spec.max} 个`, `${spec.min} to ${spec.max}`];
}
