// Dictionaries of community work with no national standard; codes are ours and stable.
import { type Dictionary, PALETTE } from "./types.ts";

export const RESIDENCE_TYPE: Dictionary = {
  key: "residence_type",
  name: "户籍类型",
  nameEn: "Household registration",
  options: [
    {
      code: "1",
      label: "本地户籍",
      synonyms: ["户籍人口", "常住", "常住人口", "本市户籍", "京籍", "人户一致"],
    },
    { code: "2", label: "人户分离", synonyms: ["户在人不在", "人在户不在"] },
    {
      code: "3",
      label: "外地户籍",
      synonyms: ["流动人口", "外来人口", "非京籍", "外省市户籍", "暂住人口"],
      colour: PALETTE.blue,
    },
    {
      code: "4",
      label: "境外人员",
      synonyms: ["境外人口", "外籍人员", "外国人", "港澳台人员"],
      colour: PALETTE.teal,
    },
  ],
};

// A person may belong to several groups, so fields on this dictionary are multi choice.
export const SPECIAL_GROUPS: Dictionary = {
  key: "special_groups",
  name: "特殊人群",
  nameEn: "Special groups",
  multiple: true,
  options: [
    { code: "01", label: "独居老人", synonyms: ["孤寡老人独居"], colour: PALETTE.orange },
    { code: "02", label: "空巢老人", synonyms: ["空巢"], colour: PALETTE.amber },
    { code: "03", label: "高龄老人", synonyms: ["高龄"] },
    { code: "04", label: "低保户", synonyms: ["低保", "最低生活保障", "城市低保"], colour: PALETTE.red },
    { code: "05", label: "低收入家庭", synonyms: ["低收入", "低边户", "低保边缘户"], colour: PALETTE.amber },
    {
      code: "06",
      label: "特困人员",
      synonyms: ["特困", "特困供养", "五保户", "三无人员"],
      colour: PALETTE.red,
    },
    { code: "07", label: "残疾人", synonyms: ["残疾", "残障人士"], colour: PALETTE.purple },
    { code: "08", label: "退役军人", synonyms: ["退伍军人", "复员军人", "转业军人"], colour: PALETTE.green },
    { code: "09", label: "优抚对象", synonyms: ["军烈属", "烈属", "军属"], colour: PALETTE.green },
    { code: "10", label: "失业人员", synonyms: ["失业", "下岗", "下岗失业人员", "待业"] },
    { code: "11", label: "失独家庭", synonyms: ["失独", "计生特殊家庭"], colour: PALETTE.orange },
    { code: "12", label: "留守儿童", synonyms: ["留守"], colour: PALETTE.orange },
    { code: "13", label: "重点关注人员", synonyms: ["重点人员", "重点关注"], colour: PALETTE.red },
  ],
};

// 居民 / 企业员工 / 商家 with default sub-categories; staff add their own under the three.
export const PERSON_CATEGORY: Dictionary = {
  key: "person_category",
  name: "人员类别",
  nameEn: "Person category",
  options: [
    { code: "1", label: "居民", synonyms: ["社区居民"] },
    { code: "11", label: "常住居民", parent: "1" },
    { code: "12", label: "暂住居民", synonyms: ["租住居民"], parent: "1" },
    { code: "2", label: "企业员工", synonyms: ["员工", "企业职工"] },
    { code: "21", label: "驻区企业员工", parent: "2" },
    { code: "22", label: "驻区机关事业单位职工", synonyms: ["事业单位职工", "机关职工"], parent: "2" },
    { code: "3", label: "商家", synonyms: ["商户", "个体工商户"] },
    { code: "31", label: "商户经营者", synonyms: ["店主", "经营者"], parent: "3" },
    { code: "32", label: "商户从业人员", synonyms: ["店员", "从业人员"], parent: "3" },
  ],
};

export const HOUSING_TYPE: Dictionary = {
  key: "housing_type",
  name: "住房性质",
  nameEn: "Housing",
  options: [
    { code: "1", label: "自有住房", synonyms: ["自有", "自购房", "商品房", "房改房"] },
    { code: "2", label: "公房", synonyms: ["直管公房", "单位公房", "公租房"] },
    { code: "3", label: "租住", synonyms: ["租房", "租赁", "出租房屋"], colour: PALETTE.blue },
    { code: "4", label: "借住", synonyms: ["借住亲友"] },
    { code: "5", label: "单位宿舍", synonyms: ["集体宿舍", "宿舍"] },
  ],
};

export const EMPLOYMENT_STATUS: Dictionary = {
  key: "employment_status",
  name: "就业状况",
  nameEn: "Employment",
  options: [
    { code: "1", label: "在职", synonyms: ["在岗", "就业", "已就业"] },
    { code: "2", label: "灵活就业", synonyms: ["自由职业", "个体经营"] },
    { code: "3", label: "离退休", synonyms: ["退休", "离休"] },
    { code: "4", label: "失业", synonyms: ["下岗", "待业"], colour: PALETTE.amber },
    { code: "5", label: "在校学生", synonyms: ["学生", "在读"] },
    { code: "6", label: "学龄前", synonyms: ["幼儿", "学龄前儿童", "未入学"] },
    { code: "7", label: "无业", synonyms: ["家务", "无工作"] },
  ],
};

export const RELIGION: Dictionary = {
  key: "religion",
  name: "宗教信仰",
  nameEn: "Religion",
  options: [
    { code: "00", label: "无宗教信仰", synonyms: ["无", "不信教"] },
    { code: "10", label: "佛教" },
    { code: "20", label: "藏传佛教", synonyms: ["喇嘛教"] },
    { code: "30", label: "道教" },
    { code: "40", label: "天主教" },
    { code: "50", label: "基督教", synonyms: ["基督新教"] },
    { code: "60", label: "东正教" },
    { code: "70", label: "伊斯兰教", synonyms: ["回教"] },
    { code: "99", label: "其他宗教", synonyms: ["其他"] },
  ],
};

export const MEDICAL_INSURANCE: Dictionary = {
  key: "medical_insurance",
  name: "医疗保险",
  nameEn: "Medical insurance",
  options: [
    { code: "1", label: "职工医保", synonyms: ["城镇职工基本医疗保险", "城镇职工医保"] },
    {
      code: "2",
      label: "居民医保",
      synonyms: ["城乡居民基本医疗保险", "城镇居民医保", "一老一小", "新农合"],
    },
    { code: "3", label: "公费医疗" },
    { code: "4", label: "商业保险", synonyms: ["商业医疗保险"] },
    { code: "9", label: "无医保", synonyms: ["无", "未参保"], colour: PALETTE.amber },
  ],
};
