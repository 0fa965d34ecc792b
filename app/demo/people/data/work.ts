// biome-ignore-all format: compact data tables read better one row of entries per line
// Work, contact and note material.

// Mainland mobile prefixes in use, weighted roughly by subscribers. Each one is checked against
// libphonenumber's metadata in the tests, so a number built from them passes normaliseMobile.
export const MOBILE_PREFIXES: readonly (readonly [string, number])[] = [
  ["130", 3], ["131", 3], ["132", 3], ["133", 3], ["134", 3], ["135", 5], ["136", 5], ["137", 5], ["138", 6],
  ["139", 6], ["147", 1], ["150", 3], ["151", 3], ["152", 3], ["153", 2], ["155", 2], ["156", 2], ["157", 2],
  ["158", 3], ["159", 3], ["166", 2], ["173", 1], ["175", 1], ["176", 2], ["177", 2], ["178", 2], ["180", 3],
  ["181", 2], ["182", 3], ["183", 3], ["184", 1], ["185", 3], ["186", 4], ["187", 3], ["188", 3], ["189", 3],
  ["191", 1], ["193", 1], ["195", 1], ["198", 2], ["199", 2],
];

/** First digits of 西城 landlines (8 digits after 010). */
export const LANDLINE_PREFIXES = ["66", "68", "83", "88", "63"];

export const EMAIL_DOMAINS: readonly (readonly [string, number])[] = [
  ["qq.com", 40], ["163.com", 20], ["126.com", 8], ["sina.com", 4], ["139.com", 3], ["foxmail.com", 3],
  ["outlook.com", 3], ["gmail.com", 2], ["sohu.com", 2],
];

/** Jobs at companies: those that need a degree, and the rest. */
export const SKILLED_JOBS = [
  "工程师", "软件工程师", "会计", "银行职员", "证券从业人员", "律师", "设计师", "研究员", "记者", "财务分析师",
  "行政管理", "产品经理",
];
export const GENERAL_JOBS = [
  "销售", "行政文员", "厨师", "司机", "快递员", "保安", "保洁员", "维修工", "营业员", "物业管理员", "电工",
  "仓库管理员", "客服",
];

export const COMPANY_PREFIXES = ["京华", "金融街", "北辰", "宏远", "恒信", "中盛", "华信", "汇通", "鼎盛", "瑞丰", "天元", "京西"];
export const COMPANY_TRADES = [
  "科技有限公司", "投资管理有限公司", "信息技术有限公司", "商贸有限公司", "物业服务有限公司", "餐饮管理有限公司",
  "建筑工程有限公司", "文化传媒有限公司", "咨询有限公司", "证券股份有限公司", "资产管理有限公司",
];

const SCHOOL = { skilled: ["教师", "行政管理"], general: ["保安", "保洁员", "厨师"] };
const HOSPITAL = { skilled: ["医生", "护士", "药剂师"], general: ["护工", "保洁员", "保安"] };
const OFFICE = { skilled: ["公务员"], general: ["行政文员", "司机"] };

/** Schools, hospitals and offices of the area, with the jobs people hold there. */
export const PUBLIC_UNITS: readonly { name: string; skilled: string[]; general: string[] }[] = [
  { name: "北京市第八中学", ...SCHOOL },
  { name: "北京市第四十一中学", ...SCHOOL },
  { name: "西城区二龙路小学", ...SCHOOL },
  { name: "西城区丰盛学校", ...SCHOOL },
  { name: "复兴医院", ...HOSPITAL },
  { name: "宣武医院", ...HOSPITAL },
  { name: "丰盛社区卫生服务中心", ...HOSPITAL },
  { name: "金融街街道办事处", skilled: ["公务员", "社区工作者"], general: ["社区工作者", "司机"] },
  { name: "西城区人民法院", ...OFFICE },
  { name: "西城区税务局", ...OFFICE },
  { name: "西城区教育委员会", ...OFFICE },
  { name: "西城区图书馆", skilled: ["图书管理员"], general: ["图书管理员", "保安"] },
];
export const SHOP_KINDS = ["便民超市", "早点铺", "家政服务部", "理发店", "洗衣店", "修理铺", "餐馆", "水果店", "药店", "文具店"];

// Notes staff leave on a record; most records have none.
export const NOTES: readonly (readonly [string, number])[] = [
  ["长期在外地居住", 4],
  ["子女在外地工作", 3],
  ["行动不便，需上门服务", 2],
  ["电话空号，待核实", 2],
  ["已迁出，待注销", 1],
  ["出租房屋，房东另住", 2],
  ["需定期走访", 3],
  ["听力不好，请大声说话", 1],
  ["家中养犬，已登记", 2],
  ["白天家中无人，晚上联系", 2],
];
