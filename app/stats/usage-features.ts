// The catalogue of platform functions whose use is counted (使用统计): the only list of them. Recording a
// key that is not here is a type error, and the API refuses to be asked for one. Pure: the console page
// labels its chart and table from it.

export const USAGE_GROUPS = {
  portal: { zh: "门户", en: "Portal" },
  accounts: { zh: "账号", en: "Accounts" },
  records: { zh: "数据", en: "Records" },
  queries: { zh: "查询", en: "Queries" },
  transfer: { zh: "导入导出", en: "Import and export" },
  stats: { zh: "统计", en: "Statistics" },
  notices: { zh: "群发", en: "Mass notices" },
  prints: { zh: "打印", en: "Printing" },
} as const;
export type UsageGroup = keyof typeof USAGE_GROUPS;

interface FeatureLabel {
  readonly group: UsageGroup;
  readonly zh: string;
  readonly en: string;
}

/** Keys are stored in usage_counts.feature (at most 48 characters): never rename one, add a new one. */
export const USAGE_FEATURES = {
  "portal.home": { group: "portal", zh: "门户首页访问", en: "Portal home views" },
  "sns.home": { group: "portal", zh: "居民首页访问", en: "Resident home views" },
  "auth.login.staff": { group: "accounts", zh: "工作人员登录", en: "Staff sign-ins" },
  "auth.login.resident": { group: "accounts", zh: "居民登录", en: "Resident sign-ins" },
  "auth.login.failed": { group: "accounts", zh: "登录失败", en: "Failed sign-ins" },
  "auth.logout": { group: "accounts", zh: "退出登录", en: "Sign-outs" },
  "account.register": { group: "accounts", zh: "居民注册", en: "Resident registrations" },
  "api.token": { group: "accounts", zh: "API 令牌调用", en: "API token calls" },
  "record.create": { group: "records", zh: "新增记录", en: "Records added" },
  "record.update": { group: "records", zh: "修改记录", en: "Records edited" },
  "record.delete": { group: "records", zh: "删除记录", en: "Records deleted" },
  "query.search": { group: "queries", zh: "快速检索", en: "Quick searches" },
  "query.filter": { group: "queries", zh: "条件查询", en: "Condition queries" },
  "transfer.import": { group: "transfer", zh: "导入", en: "Imports" },
  "transfer.export": { group: "transfer", zh: "导出", en: "Exports" },
  "audit.export": { group: "transfer", zh: "系统日志导出", en: "System log exports" },
  "stats.usage": { group: "stats", zh: "使用统计查看", en: "Usage statistics views" },
  "stats.dashboard": { group: "stats", zh: "统计看板查看", en: "Dashboard views" },
  "stats.report": { group: "stats", zh: "统计报表查看", en: "Report views" },
  "stats.export": { group: "stats", zh: "统计报表导出", en: "Report exports" },
  "notice.campaign": { group: "notices", zh: "发起群发", en: "Mass notices started" },
  "notice.sent.email": { group: "notices", zh: "发出邮件", en: "Emails sent" },
  "notice.sent.sms": { group: "notices", zh: "发出短信", en: "SMS sent" },
  "notice.sent.fax": { group: "notices", zh: "发出传真", en: "Faxes sent" },
  "notice.sent.inbox": { group: "notices", zh: "发出站内信", en: "In-site messages sent" },
  "print.job": { group: "prints", zh: "打印任务", en: "Print jobs" },
} as const satisfies Record<string, FeatureLabel>;

export type UsageFeature = keyof typeof USAGE_FEATURES;

/** Every feature, in catalogue order (grouped as above). */
export const USAGE_FEATURE_KEYS = Object.keys(USAGE_FEATURES) as UsageFeature[];

export function isUsageFeature(key: string): key is UsageFeature {
  return Object.hasOwn(USAGE_FEATURES, key);
}
