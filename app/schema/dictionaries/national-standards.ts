// Dictionaries whose codes come from national standards (GB/T 2261, GB/T 4762, GB/T 4658, GB/T 4761).
// Labels are the short forms offices write; the standard's long names are kept as synonyms so an
// import of either form lands on the same option.
import { type Dictionary, PALETTE } from "./types.ts";

export const SEX: Dictionary = {
  key: "sex",
  name: "性别",
  nameEn: "Sex",
  standard: "GB/T 2261.1-2003",
  options: [
    { code: "1", label: "男", synonyms: ["男性", "M", "male"] },
    { code: "2", label: "女", synonyms: ["女性", "F", "female"] },
    { code: "0", label: "未知的性别", synonyms: ["未知"] },
    { code: "9", label: "未说明的性别", synonyms: ["未说明"] },
  ],
};

// 初婚, 再婚 and 复婚 refine 已婚, so a count of 已婚 can include them.
export const MARITAL_STATUS: Dictionary = {
  key: "marital_status",
  name: "婚姻状况",
  nameEn: "Marital status",
  standard: "GB/T 2261.2-2003",
  options: [
    { code: "10", label: "未婚", synonyms: ["单身"] },
    { code: "20", label: "已婚", synonyms: ["有配偶", "在婚"] },
    { code: "21", label: "初婚", parent: "20" },
    { code: "22", label: "再婚", parent: "20" },
    { code: "23", label: "复婚", parent: "20" },
    { code: "30", label: "丧偶", synonyms: ["丧偶未再婚"] },
    { code: "40", label: "离婚", synonyms: ["离异"] },
    { code: "90", label: "未说明的婚姻状况", synonyms: ["未说明", "不详"] },
  ],
};

export const POLITICAL_STATUS: Dictionary = {
  key: "political_status",
  name: "政治面貌",
  nameEn: "Political affiliation",
  standard: "GB/T 4762-1984",
  options: [
    {
      code: "01",
      label: "中共党员",
      synonyms: ["中国共产党党员", "共产党员", "党员"],
      colour: PALETTE.red,
    },
    { code: "02", label: "中共预备党员", synonyms: ["中国共产党预备党员", "预备党员"], colour: PALETTE.red },
    { code: "03", label: "共青团员", synonyms: ["中国共产主义青年团团员", "团员"] },
    { code: "04", label: "民革会员", synonyms: ["中国国民党革命委员会会员", "民革党员"] },
    { code: "05", label: "民盟盟员", synonyms: ["中国民主同盟盟员"] },
    { code: "06", label: "民建会员", synonyms: ["中国民主建国会会员"] },
    { code: "07", label: "民进会员", synonyms: ["中国民主促进会会员"] },
    { code: "08", label: "农工党党员", synonyms: ["中国农工民主党党员"] },
    { code: "09", label: "致公党党员", synonyms: ["中国致公党党员"] },
    { code: "10", label: "九三学社社员", synonyms: ["九三学社"] },
    { code: "11", label: "台盟盟员", synonyms: ["台湾民主自治同盟盟员"] },
    { code: "12", label: "无党派人士", synonyms: ["无党派民主人士", "无党派"] },
    { code: "13", label: "群众", synonyms: ["普通群众", "无"] },
  ],
};

// GB 4658-1984 levels, the ones community sheets still use; GB/T 4658-2006 refines them.
export const EDUCATION: Dictionary = {
  key: "education",
  name: "文化程度",
  nameEn: "Education",
  standard: "GB/T 4658",
  options: [
    {
      code: "10",
      label: "研究生",
      synonyms: ["研究生教育", "博士", "博士研究生", "硕士", "硕士研究生", "博士后"],
    },
    { code: "20", label: "大学本科", synonyms: ["本科", "大本", "大学本科教育", "学士"] },
    { code: "30", label: "大学专科", synonyms: ["大专", "专科", "大学专科教育", "高职"] },
    {
      code: "40",
      label: "中专",
      synonyms: ["中等专科", "中等专业学校", "中技", "中等职业教育", "职业高中", "职高"],
    },
    { code: "50", label: "技工学校", synonyms: ["技校"] },
    { code: "60", label: "高中", synonyms: ["普通高中", "高级中学"] },
    { code: "70", label: "初中", synonyms: ["初级中学"] },
    { code: "80", label: "小学", synonyms: ["小学教育"] },
    { code: "90", label: "文盲或半文盲", synonyms: ["文盲", "半文盲", "不识字"] },
  ],
};

// The broad groups of GB/T 4761-2008 offices record; the standard's finer codes (长子, 次女 …) map
// onto them through synonyms.
export const RELATION_TO_HEAD: Dictionary = {
  key: "relation_to_head",
  name: "与户主关系",
  nameEn: "Relation to head of household",
  standard: "GB/T 4761-2008",
  options: [
    { code: "02", label: "户主", synonyms: ["本人"] },
    { code: "10", label: "配偶", synonyms: ["夫", "妻", "丈夫", "妻子", "爱人", "老伴"] },
    { code: "20", label: "子", synonyms: ["儿子", "长子", "次子", "独生子", "养子", "继子"] },
    { code: "28", label: "女婿" },
    { code: "30", label: "女", synonyms: ["女儿", "长女", "次女", "独生女", "养女", "继女"] },
    { code: "38", label: "儿媳", synonyms: ["儿媳妇"] },
    {
      code: "40",
      label: "孙子女",
      synonyms: ["孙子", "孙女", "外孙", "外孙子", "外孙女", "孙子、孙女或外孙子、外孙女"],
    },
    { code: "50", label: "父母", synonyms: ["父亲", "母亲", "父", "母", "岳父", "岳母", "公公", "婆婆"] },
    {
      code: "60",
      label: "祖父母",
      synonyms: ["祖父", "祖母", "外祖父", "外祖母", "爷爷", "奶奶", "姥爷", "姥姥", "祖父母或外祖父母"],
    },
    {
      code: "70",
      label: "兄弟姐妹",
      synonyms: ["兄", "弟", "姐", "妹", "哥哥", "弟弟", "姐姐", "妹妹"],
    },
    { code: "80", label: "其他", synonyms: ["其他亲属"] },
    { code: "99", label: "非亲属", synonyms: ["合租", "保姆", "租户"] },
  ],
};

export const HEALTH: Dictionary = {
  key: "health",
  name: "健康状况",
  nameEn: "Health",
  standard: "GB/T 2261.3-2003",
  options: [
    { code: "1", label: "健康", synonyms: ["健康或良好", "良好"] },
    { code: "2", label: "一般", synonyms: ["一般或较弱", "较弱"] },
    { code: "3", label: "慢性病", synonyms: ["有慢性病"], colour: PALETTE.amber },
    { code: "6", label: "残疾", colour: PALETTE.purple },
  ],
};
