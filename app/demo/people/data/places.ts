// biome-ignore-all format: compact data tables read better one row of entries per line
// Where people come from and live. Region codes are GB/T 2260 county codes as they appear on ID numbers.

export interface Region {
  code: string;
  province: string;
  city: string;
  district: string;
  weight: number;
  /** Codes abolished in a merger are only found on numbers issued before it. */
  bornBefore?: number;
}

// Locals: mostly born in 西城, including the old 宣武 and 崇文 codes merged away in 2010.
export const BEIJING: readonly Region[] = [
  { code: "110102", province: "北京市", city: "", district: "西城区", weight: 60 },
  { code: "110104", province: "北京市", city: "", district: "宣武区", weight: 14, bornBefore: 2010 },
  { code: "110101", province: "北京市", city: "", district: "东城区", weight: 6 },
  { code: "110103", province: "北京市", city: "", district: "崇文区", weight: 2, bornBefore: 2010 },
  { code: "110105", province: "北京市", city: "", district: "朝阳区", weight: 6 },
  { code: "110106", province: "北京市", city: "", district: "丰台区", weight: 4 },
  { code: "110108", province: "北京市", city: "", district: "海淀区", weight: 6 },
  { code: "110107", province: "北京市", city: "", district: "石景山区", weight: 2 },
  { code: "110111", province: "北京市", city: "", district: "房山区", weight: 1 },
  { code: "110112", province: "北京市", city: "", district: "通州区", weight: 1 },
  { code: "110114", province: "北京市", city: "", district: "昌平区", weight: 0.5 },
];

// Migrants, weighted roughly by where Beijing's non-local residents come from.
export const ELSEWHERE: readonly Region[] = [
  { code: "130102", province: "河北省", city: "石家庄市", district: "长安区", weight: 3 },
  { code: "130602", province: "河北省", city: "保定市", district: "竞秀区", weight: 4 },
  { code: "130203", province: "河北省", city: "唐山市", district: "路北区", weight: 2 },
  { code: "131002", province: "河北省", city: "廊坊市", district: "安次区", weight: 2 },
  { code: "130702", province: "河北省", city: "张家口市", district: "桥东区", weight: 2 },
  { code: "130402", province: "河北省", city: "邯郸市", district: "邯山区", weight: 1 },
  { code: "410102", province: "河南省", city: "郑州市", district: "中原区", weight: 3 },
  { code: "410302", province: "河南省", city: "洛阳市", district: "老城区", weight: 2 },
  { code: "411302", province: "河南省", city: "南阳市", district: "宛城区", weight: 2 },
  { code: "411602", province: "河南省", city: "周口市", district: "川汇区", weight: 2 },
  { code: "370102", province: "山东省", city: "济南市", district: "历下区", weight: 3 },
  { code: "370202", province: "山东省", city: "青岛市", district: "市南区", weight: 2 },
  { code: "371302", province: "山东省", city: "临沂市", district: "兰山区", weight: 2 },
  { code: "370702", province: "山东省", city: "潍坊市", district: "潍城区", weight: 1 },
  { code: "230102", province: "黑龙江省", city: "哈尔滨市", district: "道里区", weight: 2 },
  { code: "230103", province: "黑龙江省", city: "哈尔滨市", district: "南岗区", weight: 2 },
  { code: "230202", province: "黑龙江省", city: "齐齐哈尔市", district: "龙沙区", weight: 1 },
  { code: "340102", province: "安徽省", city: "合肥市", district: "瑶海区", weight: 2 },
  { code: "341202", province: "安徽省", city: "阜阳市", district: "颍州区", weight: 3 },
  { code: "140105", province: "山西省", city: "太原市", district: "小店区", weight: 2 },
  { code: "140202", province: "山西省", city: "大同市", district: "城区", weight: 2 },
  { code: "150102", province: "内蒙古自治区", city: "呼和浩特市", district: "新城区", weight: 2 },
  { code: "150203", province: "内蒙古自治区", city: "包头市", district: "昆都仑区", weight: 2 },
  { code: "210102", province: "辽宁省", city: "沈阳市", district: "和平区", weight: 2 },
  { code: "210202", province: "辽宁省", city: "大连市", district: "中山区", weight: 2 },
  { code: "220102", province: "吉林省", city: "长春市", district: "南关区", weight: 3 },
  { code: "420102", province: "湖北省", city: "武汉市", district: "江岸区", weight: 2 },
  { code: "420106", province: "湖北省", city: "武汉市", district: "武昌区", weight: 1 },
  { code: "510104", province: "四川省", city: "成都市", district: "锦江区", weight: 2 },
  { code: "511302", province: "四川省", city: "南充市", district: "顺庆区", weight: 1 },
  { code: "320102", province: "江苏省", city: "南京市", district: "玄武区", weight: 2 },
  { code: "321302", province: "江苏省", city: "宿迁市", district: "宿城区", weight: 1 },
  { code: "430102", province: "湖南省", city: "长沙市", district: "芙蓉区", weight: 2 },
  { code: "120101", province: "天津市", city: "", district: "和平区", weight: 2 },
  { code: "610102", province: "陕西省", city: "西安市", district: "新城区", weight: 2 },
  { code: "620102", province: "甘肃省", city: "兰州市", district: "城关区", weight: 1 },
  { code: "360102", province: "江西省", city: "南昌市", district: "东湖区", weight: 1 },
  { code: "330102", province: "浙江省", city: "杭州市", district: "上城区", weight: 1 },
  { code: "310101", province: "上海市", city: "", district: "黄浦区", weight: 1 },
  { code: "440103", province: "广东省", city: "广州市", district: "荔湾区", weight: 0.5 },
  { code: "440304", province: "广东省", city: "深圳市", district: "福田区", weight: 0.5 },
  { code: "500103", province: "重庆市", city: "", district: "渝中区", weight: 1 },
  { code: "350102", province: "福建省", city: "福州市", district: "鼓楼区", weight: 0.5 },
  { code: "450102", province: "广西壮族自治区", city: "南宁市", district: "兴宁区", weight: 0.5 },
  { code: "530102", province: "云南省", city: "昆明市", district: "五华区", weight: 0.5 },
  { code: "520102", province: "贵州省", city: "贵阳市", district: "南明区", weight: 0.5 },
  { code: "460106", province: "海南省", city: "海口市", district: "龙华区", weight: 0.3 },
  { code: "640104", province: "宁夏回族自治区", city: "银川市", district: "兴庆区", weight: 0.3 },
  { code: "630102", province: "青海省", city: "西宁市", district: "城东区", weight: 0.2 },
  { code: "650102", province: "新疆维吾尔自治区", city: "乌鲁木齐市", district: "天山区", weight: 0.5 },
  { code: "540102", province: "西藏自治区", city: "拉萨市", district: "城关区", weight: 0.2 },
];

/** Where members of some ethnic groups usually come from, so a migrant's ID agrees with their people. */
export const HOMELAND_OF: Readonly<Record<string, string>> = {
  维吾尔族: "650102",
  哈萨克族: "650102",
  藏族: "540102",
  蒙古族: "150102",
  朝鲜族: "220102",
  壮族: "450102",
};

// Streets and hutongs of the 金融街 area, the stems of estate names (宏汇园10号院, 丰汇园小区).
export const ESTATE_STEMS = [
  "宏汇园", "丰汇园", "武定侯街", "大院胡同", "二龙路", "太平桥大街", "文昌胡同", "闹市口大街", "新文化街",
  "砖塔胡同", "受水河胡同", "西单北大街", "复兴门北大街", "京畿道", "手帕口", "辟才胡同", "兵马司胡同",
  "西斜街", "佟麟阁路", "背阴胡同", "民康胡同", "按院胡同", "宣武门内大街", "英子胡同", "察院胡同",
  "锦什坊街", "阜成门内大街", "报子胡同", "大木仓胡同", "丰盛胡同", "学院小街", "绒线胡同", "石碑胡同",
  "鲍家街", "新华里", "榆树馆", "大觉胡同", "北新华街", "灵境胡同", "西安门大街", "缸瓦市", "宫门口",
];

/** Streets for addresses outside the community (户籍地址 of people registered elsewhere). */
export const OTHER_STREETS = ["人民路", "解放路", "建设路", "中山路", "胜利街", "和平路", "新华路", "光明街", "花园路"];

// Foreign residents: country, ISO 3166 numeric code (used in the 外国人永久居留身份证 number).
export const COUNTRIES: readonly (readonly [string, string])[] = [
  ["美国", "840"], ["英国", "826"], ["德国", "276"], ["法国", "250"], ["韩国", "410"], ["日本", "392"],
  ["加拿大", "124"], ["澳大利亚", "036"], ["俄罗斯", "643"], ["新加坡", "702"],
];
