// biome-ignore-all format: compact data tables read better one row of entries per line
// Name material. Surname weights are per cent of the population, after the Ministry of Public Security's
// 2020 household-register ranking (top 100) with a tail of rarer surnames; Beijing's Manchu surnames
// (关, 佟, 那, 富, 爱新觉罗) are included. Pinyin is there to build believable e-mail addresses.

/** [surname, weight in %, pinyin] */
export const SURNAMES: readonly (readonly [string, number, string])[] = [
  ["王", 7.12, "wang"], ["李", 7.0, "li"], ["张", 6.74, "zhang"], ["刘", 5.1, "liu"], ["陈", 4.61, "chen"],
  ["杨", 3.22, "yang"], ["黄", 2.45, "huang"], ["赵", 2.23, "zhao"], ["吴", 2.05, "wu"], ["周", 1.91, "zhou"],
  ["徐", 1.49, "xu"], ["孙", 1.45, "sun"], ["马", 1.4, "ma"], ["朱", 1.32, "zhu"], ["胡", 1.21, "hu"],
  ["郭", 1.17, "guo"], ["何", 1.07, "he"], ["林", 1.05, "lin"], ["高", 1.04, "gao"], ["罗", 0.96, "luo"],
  ["郑", 0.93, "zheng"], ["梁", 0.89, "liang"], ["谢", 0.77, "xie"], ["宋", 0.73, "song"], ["唐", 0.72, "tang"],
  ["许", 0.68, "xu"], ["韩", 0.66, "han"], ["邓", 0.65, "deng"], ["冯", 0.65, "feng"], ["曹", 0.63, "cao"],
  ["彭", 0.61, "peng"], ["曾", 0.6, "zeng"], ["肖", 0.6, "xiao"], ["田", 0.57, "tian"], ["董", 0.56, "dong"],
  ["潘", 0.55, "pan"], ["袁", 0.54, "yuan"], ["蔡", 0.53, "cai"], ["蒋", 0.52, "jiang"], ["余", 0.51, "yu"],
  ["于", 0.51, "yu"], ["杜", 0.5, "du"], ["叶", 0.48, "ye"], ["程", 0.46, "cheng"], ["魏", 0.45, "wei"],
  ["苏", 0.44, "su"], ["吕", 0.44, "lv"], ["丁", 0.43, "ding"], ["任", 0.42, "ren"], ["卢", 0.41, "lu"],
  ["姚", 0.4, "yao"], ["沈", 0.39, "shen"], ["钟", 0.39, "zhong"], ["姜", 0.38, "jiang"], ["崔", 0.38, "cui"],
  ["谭", 0.37, "tan"], ["陆", 0.36, "lu"], ["范", 0.35, "fan"], ["汪", 0.35, "wang"], ["廖", 0.34, "liao"],
  ["石", 0.34, "shi"], ["金", 0.33, "jin"], ["韦", 0.32, "wei"], ["贾", 0.32, "jia"], ["夏", 0.31, "xia"],
  ["付", 0.31, "fu"], ["方", 0.3, "fang"], ["邹", 0.29, "zou"], ["熊", 0.29, "xiong"], ["白", 0.29, "bai"],
  ["孟", 0.28, "meng"], ["秦", 0.28, "qin"], ["邱", 0.28, "qiu"], ["侯", 0.27, "hou"], ["江", 0.27, "jiang"],
  ["尹", 0.26, "yin"], ["薛", 0.26, "xue"], ["闫", 0.25, "yan"], ["段", 0.25, "duan"], ["雷", 0.24, "lei"],
  ["龙", 0.23, "long"], ["黎", 0.23, "li"], ["史", 0.23, "shi"], ["陶", 0.22, "tao"], ["贺", 0.22, "he"],
  ["毛", 0.21, "mao"], ["郝", 0.21, "hao"], ["顾", 0.21, "gu"], ["龚", 0.21, "gong"], ["邵", 0.21, "shao"],
  ["万", 0.2, "wan"], ["覃", 0.2, "qin"], ["武", 0.2, "wu"], ["钱", 0.2, "qian"], ["戴", 0.2, "dai"],
  ["严", 0.19, "yan"], ["莫", 0.19, "mo"], ["孔", 0.19, "kong"], ["向", 0.19, "xiang"], ["常", 0.19, "chang"],
  ["汤", 0.15, "tang"], ["康", 0.15, "kang"], ["易", 0.14, "yi"], ["乔", 0.14, "qiao"], ["赖", 0.13, "lai"],
  ["文", 0.13, "wen"], ["施", 0.12, "shi"], ["洪", 0.12, "hong"], ["辛", 0.1, "xin"], ["柳", 0.1, "liu"],
  ["牛", 0.1, "niu"], ["聂", 0.1, "nie"], ["章", 0.1, "zhang"], ["鲁", 0.1, "lu"], ["葛", 0.1, "ge"],
  ["伍", 0.09, "wu"], ["申", 0.09, "shen"], ["尤", 0.08, "you"], ["毕", 0.08, "bi"], ["齐", 0.09, "qi"],
  ["庞", 0.08, "pang"], ["温", 0.09, "wen"], ["蓝", 0.07, "lan"], ["殷", 0.07, "yin"], ["倪", 0.07, "ni"],
  ["庄", 0.07, "zhuang"], ["祝", 0.06, "zhu"], ["甘", 0.06, "gan"], ["左", 0.06, "zuo"], ["岳", 0.07, "yue"],
  ["关", 0.08, "guan"], ["佟", 0.05, "tong"], ["那", 0.03, "na"], ["富", 0.03, "fu"], ["索", 0.03, "suo"],
  ["单", 0.05, "shan"], ["华", 0.05, "hua"], ["曲", 0.06, "qu"], ["车", 0.05, "che"], ["鲍", 0.05, "bao"],
  ["焦", 0.06, "jiao"], ["纪", 0.06, "ji"], ["邢", 0.07, "xing"], ["滕", 0.04, "teng"], ["梅", 0.04, "mei"],
  ["包", 0.05, "bao"], ["柴", 0.04, "chai"], ["翟", 0.05, "zhai"], ["阮", 0.04, "ruan"], ["穆", 0.04, "mu"],
  ["卜", 0.03, "bu"], ["褚", 0.03, "chu"], ["艾", 0.03, "ai"], ["宁", 0.04, "ning"], ["查", 0.02, "zha"],
  ["仇", 0.02, "qiu"], ["解", 0.02, "xie"], ["盖", 0.02, "ge"], ["麻", 0.02, "ma"], ["桂", 0.02, "gui"],
  // Compound surnames, a few tenths of a per cent together.
  ["欧阳", 0.12, "ouyang"], ["上官", 0.03, "shangguan"], ["司马", 0.04, "sima"], ["诸葛", 0.02, "zhuge"],
  ["东方", 0.02, "dongfang"], ["慕容", 0.01, "murong"], ["皇甫", 0.02, "huangfu"], ["司徒", 0.03, "situ"],
  ["令狐", 0.01, "linghu"], ["夏侯", 0.01, "xiahou"], ["尉迟", 0.01, "yuchi"], ["公孙", 0.01, "gongsun"],
  ["端木", 0.01, "duanmu"], ["长孙", 0.01, "zhangsun"], ["宇文", 0.01, "yuwen"], ["呼延", 0.01, "huyan"],
  ["南宫", 0.005, "nangong"], ["独孤", 0.005, "dugu"], ["爱新觉罗", 0.01, "aixinjueluo"],
];

// Given-name characters by the decade a person was born in: names follow fashion, so 建国 and 秀英
// belong to grandparents, 子轩 and 欣怡 to grandchildren. [boys, girls]
export const GIVEN_BY_ERA: readonly { before: number; male: string; female: string }[] = [
  {
    before: 1960,
    male: "建国华明文德福志军伟成林海庆祥云宝山树春生友忠贵玉发金永长荣喜东兴强胜利平安来才恩",
    female: "秀英兰珍桂芳淑华玉凤琴素霞荣翠云梅莲娥香敏芝丽美贞秀凤兰惠琴淑",
  },
  {
    before: 1990,
    male: "伟军勇杰磊涛斌鹏超明刚强波辉健峰亮宇飞浩永俊东海林建华志国晓毅鑫",
    female: "丽静敏燕红艳娟霞芳娜颖琳丹萍玲雪婷倩晶莉慧洁晓华英蕾薇",
  },
  {
    before: 9999,
    male: "浩宇轩子梓睿泽晨博俊铭宸皓航然昊天一嘉宏逸瑞诚杰文豪鑫辰奕煜",
    female: "欣怡涵梓琪萱佳瑶若思雨诗婷妍可馨语嘉悦彤雅琳心蕊欢一诺汐",
  },
];

/** Real name characters outside the Basic Multilingual Plane, for the very rare person who has one. */
export const RARE_CHARACTERS = ["𠮷", "𫖮"];

// Uyghur and Kazakh names: own name · father's name.
export const TURKIC_MALE = [
  "买买提", "艾力", "艾尔肯", "阿不都", "热合曼", "吐尔逊", "伊力哈木", "阿迪力", "帕尔哈提", "艾合买提",
  "亚森", "库尔班", "玉苏甫", "阿布来提", "努尔兰", "叶尔兰", "赛力克",
];
export const TURKIC_FEMALE = [
  "古丽", "阿依古丽", "热依拉", "迪丽拜尔", "努尔古丽", "帕提古丽", "米热古丽", "阿依努尔", "再努尔",
  "祖丽菲亚", "阿依达娜", "古丽米拉",
];

// Tibetan names are two given names and no surname (扎西多吉, 次仁卓玛).
export const TIBETAN_FIRST = ["扎西", "次仁", "格桑", "达瓦", "尼玛", "平措", "索朗", "白玛", "旦增", "拉巴"];
export const TIBETAN_MALE = ["多吉", "顿珠", "旺堆", "罗布", "朗杰", "群培", "多布杰"];
export const TIBETAN_FEMALE = ["卓玛", "央金", "拉姆", "德吉", "曲珍", "央宗", "措姆"];

// Mongolian names, often written without a surname.
export const MONGOL_MALE = ["巴特尔", "苏和", "朝鲁", "巴图", "额尔敦", "毕力格", "宝音", "那日苏", "格日勒图"];
export const MONGOL_FEMALE = ["其其格", "乌日娜", "萨仁", "斯琴", "高娃", "托娅", "娜仁花", "其木格", "图雅"];

// Foreign residents, transliterated as Chinese documents write them.
export const FOREIGN_MALE = ["约翰", "迈克尔", "大卫", "詹姆斯", "托马斯", "彼得", "亚历山大", "马克"];
export const FOREIGN_FEMALE = ["玛丽", "安娜", "艾米丽", "索菲亚", "伊丽莎白", "娜塔莎", "劳拉"];
export const FOREIGN_FAMILY = ["史密斯", "约翰逊", "布朗", "米勒", "加西亚", "穆勒", "伊万诺夫", "马丁", "威尔逊"];
