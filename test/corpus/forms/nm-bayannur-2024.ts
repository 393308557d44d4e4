import type { CorpusForm } from "../types";

/**
 * 巴彦淖尔市自然资源局甘其毛都口岸分局 自然资源业务支出项目, 2024 (Inner Mongolia, Bayannur).
 * Inner Mongolia's 2024 template: 指标性质 holds 正向 / 反向 and a separate 指标方向 column holds the
 * comparison in words (大于等于, 小于等于, 等于); the unit column 计量单位 stands after the actual and
 * serves both; names carry template labels (指标1:租车次数(次)); the level-1 cell is empty in the copy.
 * The 其他资金 row prints 执行率 0 for 1.8 of 1.8.
 *
 * Indicator columns: A 绩效指标 (merged), B 一级, C 二级, D 三级, E 指标性质, F 指标方向, G 年度指标值,
 * H 实际完成值, I 计量单位, J 分值, K 得分, L 偏差原因分析及改进措施.
 */
export const form: CorpusForm = {
  id: "nm-bayannur-2024",
  source: {
    url: "http://zrzy.bynr.gov.cn/zwgk/czyjs/202509/t20250924_714315.html",
    title: "2024年度内蒙古自治区巴彦淖尔市自然资源局甘其毛都口岸分局决算公开报告",
  },
  province: "内蒙古",
  unit: "巴彦淖尔市自然资源局甘其毛都口岸分局",
  year: 2024,
  features: [
    "§1.1 split target, comparison in words (大于等于) in its own 指标方向 column",
    "unit column after the actual",
    "labels in names (指标1:)",
    "empty level-1 cell",
  ],
  truncated:
    "The stored copy ends at the 时效指标 row ('时效指标 | 指标…'): that row, the rest of the table and the 总分 row are not transcribed; the weights transcribed are 8+7+8+7 = 30 of 90.",
  sheet: "自然资源业务支出",
  rows: [
    /* 1 */ ["项目支出绩效自评表 (2024年度)"],
    /* 2 */ [
      "项目名称",
      null,
      "内蒙古自治区巴彦淖尔市自然资源局甘其毛都口岸分局自然资源业务支出项目",
    ],
    /* 3 */ [
      "主管部门",
      null,
      "内蒙古自治区巴彦淖尔市自然资源局(部门)",
      null,
      null,
      null,
      "实施单位",
      "内蒙古自治区巴彦淖尔市自然资源局甘其毛都口岸分局",
    ],
    /* 4 */ [
      "项目资金 (万元)",
      null,
      "年初预算数",
      "全年预算数",
      "全年执行数",
      "分值",
      "执行率(%)",
      "得分",
    ],
    /* 5 */ [null, "年度资金总额", 0, 2.38, 2.38, 10, 100, 10],
    /* 6 */ [null, "其中:财政拨款", 0, 0.58, 0.58, "——", 100, "——"],
    /* 7 */ [null, "其他资金", 0, 1.8, 1.8, "——", 0, "——"],
    /* 8 */ ["年度总体目标", "预期目标", null, null, null, null, "实际完成情况"],
    /* 9 */ [
      null,
      "目标1:通过开展自然调查,全面查清全市资源利用状况,实现资源信息的社会化服务,实现资源宏观调控及资源管理的需要.",
      null,
      null,
      null,
      null,
      "负责编制辖区内国土空间规划并监督实施,落实辖区内自然资源调查监测评价工作;承担辖区内国土空间生态修复工作,负责组织实施最严格的耕地保护制度;负责辖区内地质勘查协调、监督管理和行业规范执行监督;负责矿产资源管理工作;负责辖区内测绘地理信息管理工作,推动自然资源领域科技发展。",
    ],
    /* 10 */ [
      "绩效指标",
      "一级指标",
      "二级指标",
      "三级指标",
      "指标性质",
      "指标方向",
      "年度指标值",
      "实际完成值",
      "计量单位",
      "分值",
      "得分",
      "偏差原因分析及改进措施",
    ],
    /* 11 */ [null, null, "数量指标", "指标1:租车次数(次)", "正向", "大于等于", 1, 1, "次", 8, 8],
    /* 12 */ [null, null, null, "指标2:宣传美工制作个数(个)", "正向", "小于等于", 1, 1, "个", 7, 7],
    /* 13 */ [null, null, "质量指标", "指标1:租车达标率", "正向", "等于", 100, 100, "%", 8, 8],
    /* 14 */ [null, null, null, "指标2:宣传合格率", "正向", "等于", 100, 100, "%", 7, 7],
  ],
  merges: [
    "A1:L1",
    "A2:B2",
    "C2:L2",
    "A3:B3",
    "C3:F3",
    "H3:L3",
    "A4:A7",
    "A8:A9",
    "B8:F8",
    "G8:L8",
    "B9:F9",
    "G9:L9",
    "A10:A14",
    "B11:B14",
    "C11:C12",
    "C13:C14",
  ],
  expected: {
    profile: "national",
    budget: { annual: "2.38", executed: "2.38" },
    indicators: [
      {
        row: 11,
        name: "指标1:租车次数(次)",
        target: "≥1次",
        actual: "1次",
        weight: "8",
        stated: "8",
      },
      {
        row: 12,
        name: "指标2:宣传美工制作个数(个)",
        target: "≤1个",
        actual: "1个",
        weight: "7",
        stated: "7",
      },
      {
        row: 13,
        name: "指标1:租车达标率",
        target: "=100%",
        actual: "100%",
        weight: "8",
        stated: "8",
      },
      {
        row: 14,
        name: "指标2:宣传合格率",
        target: "=100%",
        actual: "100%",
        weight: "7",
        stated: "7",
      },
    ],
    statedTotal: null,
    prompts: [
      { kind: "rate-mismatch", cell: "G7", why: "其他资金 1.8 of 1.8 is 100%, printed 0" },
      {
        kind: "weight-sum",
        cell: "*",
        why: "truncation: the transcribed weights 30 + budget 10 = 40; the rows below are beyond the stored copy",
      },
    ],
  },
  decisions: [
    "指标性质 here holds 正向/反向 (a type, not a sign) and 指标方向 holds the comparison in words: 大于等于 = ≥, 小于等于 = ≤, 等于 = = (domain.md lists 不少于/不高于/不超过; these are the same words an accountant reads). The sign decides the direction (domain.md §2: direction from the target); '正向' beside '小于等于' (宣传美工制作个数 ≤1个 → 1) contradicts it but costs nothing (met either way): no prompt.",
    "计量单位 stands after 实际完成值 and is the unit of both: target ≥1次, actual 1次. A reading that keeps the actual as the bare number is accepted by the test.",
    "The level-1 cell is empty in the stored copy: 数量/质量指标 put the rows under 产出指标 (level 2 decides).",
    "'指标1:租车次数(次)' is a real name after a template label: an indicator, not a placeholder.",
    "执行率(%) prints bare numbers (100): a bare number above 1.5 is a percentage (domain.md §2). 年度资金总额 2.38/2.38 = 100%, 10: agrees.",
    "The 其他资金 row prints 执行率 0 for 1.8 of 1.8. domain.md does not say whether the 其中 rows' printed rates are checked; an accountant checks every rate printed on the form, and 0 for 100% is plainly wrong: rate-mismatch on G7. (其中:财政拨款 0.58/0.58 printed 100 agrees.)",
    "Because the copy is truncated, one weight-sum (any cell) is expected on this transcription; it says nothing about the printed form.",
  ],
};
