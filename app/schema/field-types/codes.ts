// Every problem code a field type's parse can give, in one place so the importer's documentation
// (issue 5) and API clients can rely on them. Codes are stable; messages may improve.

export const FIELD_PROBLEM_CODES = {
  "value-type": [
    "值的类型不对（例如把对象填进文本字段）",
    "The value has the wrong kind (e.g. an object for text)",
  ],
  "read-only": ["该字段由系统生成或计算，不能填写", "The field is computed or set by the system"],
  "text-too-long": ["文本超过字段允许的长度", "Text longer than the field allows"],
  "number-format": ["不是数字", "Not a number"],
  "number-not-integer": ["应为整数", "Must be a whole number"],
  "number-precision": ["小数位数超过字段允许的位数", "More decimal places than the field keeps"],
  "number-too-small": ["小于字段允许的最小值", "Below the field's minimum"],
  "number-too-large": ["大于字段允许的最大值", "Above the field's maximum"],
  "date-format": ["日期格式无法识别", "Unrecognised date"],
  "date-invalid": ["不是有效日期（如 2 月 30 日）", "Not a real calendar date (e.g. 30 February)"],
  "time-invalid": ["时间无效", "Not a valid time of day"],
  "boolean-invalid": ["应为“是”或“否”", 'Must be "是" (yes) or "否" (no)'],
  "dictionary-missing": ["字段引用的字典不存在（配置错误）", "The field's dictionary does not exist"],
  "choice-unknown": ["字典中没有这个选项", "No such option in the dictionary"],
  "choice-single": ["单选字段只能填一个选项", "A single-choice field takes one option"],
  "document-type": ["未知的证件类型", "Unknown document type"],
  "document-type-missing": ["无法判断证件类型，请注明", "The document type cannot be told; name it"],
  "document-type-not-allowed": ["该字段不接受这种证件", "The field does not accept this document type"],
  "document-format": ["证件号码格式错误", "Wrong document number format"],
  "document-checksum": ["证件号码校验位错误", "Wrong check character in the document number"],
  "document-birthdate": ["证件号码中的出生日期无效", "The birth date in the document number is not valid"],
  "id-format": ["身份证号码位数或字符不对", "An ID number has 18 characters or 15 digits"],
  "id-checksum": ["身份证号码校验位错误", "Wrong check character in the ID number"],
  "id-birthdate": ["身份证号码中的出生日期无效", "The birth date in the ID number is not valid"],
  "id-region": ["身份证号码的行政区划代码无效", "The region code of the ID number is not valid"],
  "id-precision-lost": [
    "证件号码被 Excel 当作数字保存，末几位已丢失",
    "Excel stored the ID number as a number and lost its last digits",
  ],
  "phone-invalid": ["不是有效的中国大陆手机号码", "Not a valid mainland mobile number"],
  "email-invalid": ["电子邮箱格式错误", "Not a valid email address"],
  "file-id-invalid": ["不是已上传文件的编号", "Not the id of an uploaded file"],
  "link-invalid": ["不是有效的记录引用", "Not a valid reference to a record"],
  "link-table": ["引用的记录不属于字段指定的表", "The linked record is not in the field's table"],
} as const satisfies Record<string, readonly [string, string]>;

export type FieldProblemCode = keyof typeof FIELD_PROBLEM_CODES;
