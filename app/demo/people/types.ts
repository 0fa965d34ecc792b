// What the people generator takes and yields.

export interface CommunityInput {
  name: string;
  grids: string[];
}

export interface GenerateOptions {
  /** Same seed, count, communities and today → the same people, byte for byte. */
  seed: number | string;
  count: number;
  communities: CommunityInput[];
  /** "YYYY-MM-DD": ages, move-in dates and due dates are counted from it, never from the clock. */
  today: string;
  /** Written before the estate in 现住址. */
  addressPrefix?: string;
  /** Real organisations to name as work units of 企业员工 and 商家 (e.g. the demo's enterprises). */
  employers?: { enterprises: string[]; merchants: string[] };
}

/**
 * One person as an office would record them. Dictionary-backed fields hold the option label of the
 * built-in dictionary (app/schema/dictionaries); null means the office has no value.
 */
export interface GeneratedPerson {
  name: string;
  sex: "男" | "女";
  birthDate: string;
  documentType: string;
  documentNumber: string;
  ethnicity: string | null;
  nativePlace: string;
  politicalStatus: string | null;
  education: string | null;
  maritalStatus: string;
  religion: string;
  health: string;
  mobile: string | null;
  landline: string | null;
  email: string | null;
  category: string;
  subCategory: string;
  residenceType: string;
  registeredAddress: string;
  community: string;
  grid: string | null;
  estate: string;
  building: string;
  unit: string;
  room: string;
  address: string;
  housingType: string;
  floorArea: number;
  moveInDate: string;
  householdNo: string;
  relationToHead: string;
  householdSize: number;
  specialGroups: string[];
  employmentStatus: string;
  occupation: string | null;
  workUnit: string | null;
  medicalInsurance: string;
  emergencyContact: string | null;
  emergencyPhone: string | null;
  registeredOn: string;
  notes: string | null;
}

/** Chinese column names in the order a person sheet shows them, and the dictionary each one uses. */
export const PERSON_FIELDS: readonly { key: keyof GeneratedPerson; label: string; dictionary?: string }[] = [
  { key: "name", label: "姓名" },
  { key: "sex", label: "性别", dictionary: "sex" },
  { key: "birthDate", label: "出生日期" },
  { key: "documentType", label: "证件类型", dictionary: "document_type" },
  { key: "documentNumber", label: "证件号码" },
  { key: "ethnicity", label: "民族", dictionary: "ethnicity" },
  { key: "nativePlace", label: "籍贯" },
  { key: "politicalStatus", label: "政治面貌", dictionary: "political_status" },
  { key: "education", label: "文化程度", dictionary: "education" },
  { key: "maritalStatus", label: "婚姻状况", dictionary: "marital_status" },
  { key: "religion", label: "宗教信仰", dictionary: "religion" },
  { key: "health", label: "健康状况", dictionary: "health" },
  { key: "mobile", label: "手机号码" },
  { key: "landline", label: "固定电话" },
  { key: "email", label: "电子邮箱" },
  { key: "category", label: "人员类别", dictionary: "person_category" },
  { key: "subCategory", label: "人员子类别", dictionary: "person_category" },
  { key: "residenceType", label: "户籍类型", dictionary: "residence_type" },
  { key: "registeredAddress", label: "户籍地址" },
  { key: "community", label: "所属社区" },
  { key: "grid", label: "所属网格" },
  { key: "estate", label: "小区" },
  { key: "building", label: "楼号" },
  { key: "unit", label: "单元" },
  { key: "room", label: "室号" },
  { key: "address", label: "现住址" },
  { key: "housingType", label: "住房性质", dictionary: "housing_type" },
  { key: "floorArea", label: "住房面积" },
  { key: "moveInDate", label: "入住日期" },
  { key: "householdNo", label: "户号" },
  { key: "relationToHead", label: "与户主关系", dictionary: "relation_to_head" },
  { key: "householdSize", label: "家庭人口" },
  { key: "specialGroups", label: "特殊人群", dictionary: "special_groups" },
  { key: "employmentStatus", label: "就业状况", dictionary: "employment_status" },
  { key: "occupation", label: "职业" },
  { key: "workUnit", label: "工作单位" },
  { key: "medicalInsurance", label: "医疗保险", dictionary: "medical_insurance" },
  { key: "emergencyContact", label: "紧急联系人" },
  { key: "emergencyPhone", label: "紧急联系电话" },
  { key: "registeredOn", label: "登记日期" },
  { key: "notes", label: "备注" },
];
