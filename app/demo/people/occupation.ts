// Category 居民 / 企业员工 / 商家, job and work unit of a person with the given employment.

import { ESTATE_STEMS } from "./data/places.ts";
import {
  COMPANY_PREFIXES,
  COMPANY_TRADES,
  GENERAL_JOBS,
  PUBLIC_UNITS,
  SHOP_KINDS,
  SKILLED_JOBS,
} from "./data/work.ts";
import type { Random } from "./random.ts";

export interface Employers {
  enterprises: string[];
  merchants: string[];
}

export interface Work {
  category: "居民" | "企业员工" | "商家";
  subCategory: string;
  occupation: string | null;
  workUnit: string | null;
}

const company = (random: Random) => `北京${random.pick(COMPANY_PREFIXES)}${random.pick(COMPANY_TRADES)}`;
const shop = (random: Random) => `${random.pick(ESTATE_STEMS).slice(0, 2)}${random.pick(SHOP_KINDS)}`;

/** Degree holders mostly do skilled work, others mostly not; a public unit has jobs of its own. */
function job(random: Random, education: string | null, unit?: (typeof PUBLIC_UNITS)[number]): string {
  const skilled =
    education === "研究生" || education === "大学本科" ? 0.8 : education === "大学专科" ? 0.4 : 0.05;
  const useSkill = random.chance(skilled);
  if (unit) return random.pick(useSkill ? unit.skilled : unit.general);
  return random.pick(useSkill ? SKILLED_JOBS : GENERAL_JOBS);
}

/**
 * Most people are 居民; people working for an enterprise or a public body in the community are
 * 企业员工, shopkeepers and their staff 商家. `tenant` picks the 居民 sub-category 暂住居民.
 */
export function work(
  random: Random,
  status: string,
  education: string | null,
  tenant: boolean,
  employers: Employers | undefined,
): Work {
  const resident = tenant ? "暂住居民" : "常住居民";
  const p = random.float();
  if (status === "在职") {
    const publicUnit = random.chance(0.25) ? random.pick(PUBLIC_UNITS) : undefined;
    const occupation = job(random, education, publicUnit);
    if (p < 0.12) {
      if (publicUnit)
        return {
          category: "企业员工",
          subCategory: "驻区机关事业单位职工",
          occupation,
          workUnit: publicUnit.name,
        };
      const unit = employers?.enterprises.length ? random.pick(employers.enterprises) : company(random);
      return { category: "企业员工", subCategory: "驻区企业员工", occupation, workUnit: unit };
    }
    if (p < 0.16) return shopWork(random, random.chance(0.35), employers);
    return {
      category: "居民",
      subCategory: resident,
      occupation,
      workUnit: publicUnit?.name ?? company(random),
    };
  }
  if (status === "灵活就业") {
    if (p < 0.25) return shopWork(random, true, employers);
    const occupation = random.pick(["自由职业", "外卖骑手", "网约车司机", "家政服务员", "个体经营者"]);
    return { category: "居民", subCategory: resident, occupation, workUnit: null };
  }
  return { category: "居民", subCategory: resident, occupation: null, workUnit: null };
}

function shopWork(random: Random, owner: boolean, employers: Employers | undefined): Work {
  const unit = employers?.merchants.length ? random.pick(employers.merchants) : shop(random);
  return owner
    ? { category: "商家", subCategory: "商户经营者", occupation: "个体经营者", workUnit: unit }
    : {
        category: "商家",
        subCategory: "商户从业人员",
        occupation: random.pick(["营业员", "厨师", "美发师", "维修工"]),
        workUnit: unit,
      };
}
