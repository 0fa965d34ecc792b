// Personal attributes that follow from age, sex and origin: schooling, party, work, health, faith,
// insurance. Values are labels of the built-in dictionaries.
import { type Random, shares } from "./random.ts";

// Schooling by birth cohort: Beijing's older residents left school early, its young ones mostly hold degrees.
const EDUCATION_BY_COHORT = [
  {
    before: 1940,
    table: shares({ 文盲或半文盲: 14, 小学: 30, 初中: 25, 高中: 14, 中专: 6, 大学专科: 5, 大学本科: 6 }),
  },
  {
    before: 1960,
    table: shares({
      文盲或半文盲: 3,
      小学: 12,
      初中: 33,
      高中: 25,
      中专: 10,
      技工学校: 3,
      大学专科: 7,
      大学本科: 6,
      研究生: 1,
    }),
  },
  {
    before: 1980,
    table: shares({
      小学: 3,
      初中: 17,
      高中: 20,
      中专: 11,
      技工学校: 3,
      大学专科: 18,
      大学本科: 22,
      研究生: 6,
    }),
  },
  {
    before: 9999,
    table: shares({ 初中: 6, 高中: 9, 中专: 7, 技工学校: 1, 大学专科: 20, 大学本科: 42, 研究生: 15 }),
  },
];
const STUDENTS = shares({ 大学本科: 45, 大学专科: 20, 高中: 25, 中专: 10 });

/** The highest school level reached (or being attended), never beyond what the age allows. */
export function education(random: Random, age: number, birthYear: number): string | null {
  if (age < 6) return null;
  if (age < 12) return "小学";
  if (age < 15) return "初中";
  if (age < 18) return random.chance(0.75) ? "高中" : "中专";
  if (age < 22) return STUDENTS.draw(random);
  const level = EDUCATION_BY_COHORT.find((c) => birthYear < c.before)!.table.draw(random);
  return level === "研究生" && age < 24 ? "大学本科" : level;
}

const PARTIES = [
  "民革会员",
  "民盟盟员",
  "民建会员",
  "民进会员",
  "农工党党员",
  "致公党党员",
  "九三学社社员",
  "台盟盟员",
];
export function politicalStatus(random: Random, age: number): string {
  const p = random.float();
  if (age < 14) return "群众";
  if (age < 18) return p < 0.55 ? "共青团员" : "群众";
  if (age < 29) return p < 0.4 ? "共青团员" : p < 0.49 ? "中共党员" : p < 0.505 ? "中共预备党员" : "群众";
  const members = age >= 60 ? 0.22 : 0.17;
  if (p < members) return "中共党员";
  if (p < members + 0.008) return random.pick(PARTIES);
  return p < members + 0.01 ? "无党派人士" : "群众";
}

/** Employment by age; women retire at 50–55 and men at 60, as Beijing's rules had it. */
export function employment(random: Random, age: number, male: boolean): string {
  if (age < 6) return "学龄前";
  if (age < 18) return "在校学生";
  const p = random.float();
  if (age < 23) return p < 0.7 ? "在校学生" : p < 0.9 ? "在职" : p < 0.95 ? "失业" : "无业";
  const retired = male ? (age >= 60 ? 0.9 : 0.02) : age >= 55 ? 0.92 : age >= 50 ? 0.4 : 0.02;
  if (p < retired) return "离退休";
  const q = random.float();
  return q < 0.8 ? "在职" : q < 0.9 ? "灵活就业" : q < 0.95 ? "无业" : "失业";
}

const HEALTH_BY_AGE = [
  { below: 60, table: shares({ 健康: 88, 一般: 8, 慢性病: 4 }) },
  { below: 80, table: shares({ 健康: 45, 一般: 25, 慢性病: 30 }) },
  { below: 999, table: shares({ 健康: 20, 一般: 30, 慢性病: 50 }) },
];
export const health = (random: Random, age: number, disabled: boolean): string =>
  disabled ? "残疾" : HEALTH_BY_AGE.find((row) => age < row.below)!.table.draw(random);

/** Registered disability becomes more common with age. */
export const disabled = (random: Random, age: number): boolean =>
  random.chance(age < 18 ? 0.004 : age < 60 ? 0.02 : age < 80 ? 0.05 : 0.1);

const MUSLIM_PEOPLES = new Set([
  "回族",
  "维吾尔族",
  "哈萨克族",
  "东乡族",
  "撒拉族",
  "保安族",
  "柯尔克孜族",
  "乌孜别克族",
  "塔吉克族",
  "塔塔尔族",
]);
const FAITHS = shares({ 无宗教信仰: 92, 佛教: 4, 基督教: 2, 天主教: 0.6, 道教: 0.5, 其他宗教: 0.1 });
const FOREIGN_FAITHS = shares({ 无宗教信仰: 45, 基督教: 40, 天主教: 15 });
export function religion(random: Random, ethnicity: string | null): string {
  if (ethnicity === null) return FOREIGN_FAITHS.draw(random);
  if (MUSLIM_PEOPLES.has(ethnicity)) return random.chance(0.8) ? "伊斯兰教" : "无宗教信仰";
  if (ethnicity === "藏族") return random.chance(0.85) ? "藏传佛教" : "无宗教信仰";
  if (ethnicity === "蒙古族" && random.chance(0.3)) return "藏传佛教";
  return FAITHS.draw(random);
}

const INSURANCE = {
  working: shares({ 职工医保: 85, 居民医保: 10, 商业保险: 2, 无医保: 3 }),
  retired: shares({ 职工医保: 82, 公费医疗: 6, 居民医保: 12 }),
  young: shares({ 居民医保: 95, 无医保: 5 }),
  other: shares({ 居民医保: 80, 职工医保: 10, 无医保: 10 }),
  overseas: shares({ 商业保险: 60, 无医保: 40 }),
};
export function medicalInsurance(random: Random, status: string, overseas: boolean): string {
  if (overseas) return INSURANCE.overseas.draw(random);
  if (status === "在职" || status === "灵活就业") return INSURANCE.working.draw(random);
  if (status === "离退休") return INSURANCE.retired.draw(random);
  if (status === "在校学生" || status === "学龄前") return INSURANCE.young.draw(random);
  return INSURANCE.other.draw(random);
}

/** Mobile phones: none for young children, most adults, fewer of the very old. */
export const hasMobile = (random: Random, age: number): boolean =>
  random.chance(age < 12 ? 0 : age < 16 ? 0.4 : age < 18 ? 0.8 : age < 80 ? 0.98 : 0.75);
