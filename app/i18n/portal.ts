// Strings of the portal area.
export const portal = {
  "zh-CN": {
    meta: {
      title: "{{street}} · 邻里社区综合服务平台",
      titleNoStreet: "邻里社区综合服务平台",
      description:
        "{{street}}社区综合服务平台：{{communities}} 个社区、{{grids}} 个网格，辖区企业与商家一览，居民登录参与社区互动。",
      descriptionNoStreet: "邻里社区综合服务平台：街道、社区、网格与居民的一站式服务。",
    },
    nav: {
      label: "主导航",
      home: "首页",
      communities: "社区",
      sns: "居民互动",
      login: "登录",
      myArea: "进入{{area}}：{{name}}",
    },
    hero: {
      title: "{{street}} · 社区综合服务平台",
      titleNoStreet: "社区综合服务平台",
      lead: "连接街道、社区、网格与居民，让社区服务更近一步。",
    },
    stats: {
      label: "辖区概况",
      communities: "社区",
      grids: "网格",
      enterprises: "企业",
      merchants: "商家",
    },
    communities: {
      title: "社区",
      lead: "本街道共有 {{count}} 个社区",
      grids: "{{count}} 个网格",
      enterprises: "{{count}} 家企业",
      merchants: "{{count}} 家商家",
    },
    units: {
      title: "企业与商家",
      lead: "辖区内登记的企业和商家",
      name: "名称",
      kind: "类型",
      community: "所在社区",
      empty: "辖区内暂无登记的企业和商家。",
    },
    cta: {
      title: "加入社区互动",
      text: "居民登录后可查看所在社区与网格信息；工作人员登录后进入管理后台。",
      login: "登录",
      enterSns: "进入居民互动",
      enterAdmin: "进入管理后台",
      signedIn: "您已登录为 {{name}}。",
    },
    empty: {
      noStreet: "平台尚未建立街道信息，管理员登录后可在管理后台添加街道与社区。",
    },
    footer: {
      nav: "页脚链接",
      office: "{{street}}办事处",
      platform: "邻里社区综合服务平台",
    },
  },
  en: {
    meta: {
      title: "{{street}} · Linli Community Service Platform",
      titleNoStreet: "Linli Community Service Platform",
      description:
        "Community service platform of {{street}}: {{communities}} communities, {{grids}} grids, the local enterprises and merchants; residents sign in to take part.",
      descriptionNoStreet: "Linli: one place for the street office, its communities, grids and residents.",
    },
    nav: {
      label: "Main navigation",
      home: "Home",
      communities: "Communities",
      sns: "Residents",
      login: "Sign in",
      myArea: "Go to {{area}}: {{name}}",
    },
    hero: {
      title: "{{street}} · Community Service Platform",
      titleNoStreet: "Community Service Platform",
      lead: "Bringing the street office, communities, grids and residents closer together.",
    },
    stats: {
      label: "At a glance",
      communities: "Communities",
      grids: "Grids",
      enterprises: "Enterprises",
      merchants: "Merchants",
    },
    communities: {
      title: "Communities",
      lead_one: "{{count}} community in this street",
      lead_other: "{{count}} communities in this street",
      grids_one: "{{count}} grid",
      grids_other: "{{count}} grids",
      enterprises_one: "{{count}} enterprise",
      enterprises_other: "{{count}} enterprises",
      merchants_one: "{{count}} merchant",
      merchants_other: "{{count}} merchants",
    },
    units: {
      title: "Enterprises and merchants",
      lead: "Registered in this street",
      name: "Name",
      kind: "Kind",
      community: "Community",
      empty: "No enterprises or merchants are registered yet.",
    },
    cta: {
      title: "Take part in your community",
      text: "Residents sign in to see their community and grid; staff sign in to the console.",
      login: "Sign in",
      enterSns: "Go to the resident area",
      enterAdmin: "Go to the console",
      signedIn: "You are signed in as {{name}}.",
    },
    empty: {
      noStreet: "No street office has been set up yet. An administrator can add it in the console.",
    },
    footer: {
      nav: "Footer links",
      office: "{{street}} Office",
      platform: "Linli Community Service Platform",
    },
  },
};
