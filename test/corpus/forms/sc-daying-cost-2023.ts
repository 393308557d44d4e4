import type { CorpusForm } from "../types";

/**
 * 大英县司法局, a 2023 project whose top is not stored (Sichuan, Suining; the 2023 provincial template
 * as sc-daying-2023). The stored page starts at this form's indicator header: one indicator, a cost
 * target split over 指标性质 | 指标值 | 度量单位 (≤ | 30 | 万元) answered in words (完成), 权重 90 and 得分
 * 90 typed, the level-2 cell 经济成本指标 under the level-1 产出指标, a 合计 row printing the weight total
 * 100, conclusions and the signatures.
 *
 * Columns: A 绩效指标(90分), B 一级, C 二级, D 三级, E 指标性质, F 指标值, G 度量单位, H 完成值,
 * I 权重, J 得分, K 未完成原因分析.
 */
export const form: CorpusForm = {
  id: "sc-daying-cost-2023",
  source: {
    url: "https://dyxrmt.cn/article-157795-21.html",
    title:
      "（page 21 of the unit's 2023 决算 tables as a county news site pages them; the form's title and budget are on page 20, not stored）大英县司法局 部门预算项目支出绩效自评表(2023年度)",
  },
  province: "四川",
  unit: "大英县司法局",
  year: 2023,
  features: [
    "form without its top (no title, identity or budget stored)",
    "words actual 完成 against a number target ≤30万元",
    "level-2 经济成本指标 under level-1 产出指标",
    "合计 row with the weight total",
  ],
  truncated:
    "The stored page begins at this form's indicator header: its title, identity, goals and budget block (on the previous page) are not stored, so the transcription has no budget.",
  sheet: "成本控制",
  rows: [
    /* 1 */ [
      "绩效指标(90分)",
      "一级指标",
      "二级指标",
      "三级指标",
      "指标性质",
      "指标值",
      "度量单位",
      "完成值",
      "权重",
      "得分",
      "未完成原因分析",
    ],
    /* 2 */ [null, "产出指标", "经济成本指标", "成本控制数", "≤", 30, "万元", "完成", 90, 90],
    /* 3 */ ["合计", null, null, null, null, null, null, null, 100],
    /* 4 */ ["评价结论", "根据财政局资金下达的管理办法,将资金支付给项目施工方。"],
    /* 5 */ ["存在问题", "无"],
    /* 6 */ ["改进措施", "无"],
    /* 7 */ ["项目负责人:查小兵", null, null, null, null, "财务负责人:唐勇"],
  ],
  merges: ["A3:H3", "B4:K4", "B5:K5", "B6:K6", "A7:E7", "F7:K7"],
  expected: {
    profile: "national",
    budget: null,
    indicators: [
      {
        row: 2,
        name: "成本控制数",
        target: "≤30万元",
        actual: "完成",
        weight: "90",
        stated: "90",
      },
    ],
    statedTotal: null,
    prompts: [],
  },
  decisions: [
    "A page of a paged copy that starts inside a document: this form's top (title, project, budget block with its 权重 10) is on the previous page, which is not stored. What is stored is transcribed as a form of its own.",
    "Weights: the one indicator's 权重 90 equals its block's 绩效指标(90分), and with the profile's budget weight 10 makes the 合计's 100: no weight-sum (domain.md §3 asks the weights to add up to 100 and every group to its stated points; both hold once the unprinted budget weighs the profile's 10).",
    "成本控制数 ≤ 30 万元 → 完成: the actual is words against a number target (domain.md §3 step 2): qualitative; 完成 is an achievement word (§3), 达成; the typed 90 of 90 lies in the 达成 band and is kept, no prompt.",
    "经济成本指标 printed under 产出指标: domain.md §1 puts the 经济/社会/生态成本指标 under a level-1 成本指标 'where the form has one'; this form has no level-1 成本指标 (Sichuan's 2023 template lists 成本指标 inside 产出指标), so 产出指标 stands, nothing is corrected and no layout-shift is raised.",
    "合计 prints 100 in the 权重 column (the form's weight total with the budget's 10) and no score: no printed total; it is not an indicator.",
    "存在问题 / 改进措施 say 无: nothing falls short, nothing needs a reason.",
  ],
};
