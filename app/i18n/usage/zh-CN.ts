// Strings of the usage statistics page (使用统计), Simplified Chinese (the reference), read as t("usage.…").
// The features' own names come from the catalogue (app/stats/usage-features.ts).
export const usageZh = {
  intro: "平台各项功能被使用的次数，按年、月、周或日统计。",
  lag: "次数每隔几秒写入一次，最新的操作可能稍后才出现。",
  scopeStreet: "统计范围：{{org}}（含未登录的访客）",
  scopeOrg: "统计范围：{{org}}",
  form: {
    label: "统计条件",
    period: "统计周期",
    from: "开始日期",
    to: "结束日期",
    features: "功能",
    allFeatures: "全部功能",
    someFeatures: "已选 {{count}} 项功能",
    apply: "统计",
    thisWeek: "本周",
  },
  periods: { year: "年", month: "月", week: "周", day: "日" },
  chart: {
    title: "使用趋势",
    loading: "图表加载中…",
    description: "{{from}} 至 {{to}}，按{{period}}统计",
  },
  table: {
    title: "各功能合计",
    group: "类别",
    feature: "功能",
    count: "次数",
    total: "合计",
  },
  empty: "这段时间还没有记录到任何使用。登录、查询、导入等操作会在几秒后出现在这里。",
};
