import type { CorpusForm } from "../types";

/**
 * 区市场监督管理局 农业工作科 渔业成品油价格改革补贴 (长江禁捕), 2020 (Hubei, a district; the unit's
 * city is not printed). Hubei's municipal template as hb-huanggang-2020 prints it: 预算执行情况（万元）（20分）
 * with 得分（20分*执行率）, a rate printed as a bare 1, and the 80 indicator points only on the block cell
 * 年度绩效目标（80分）: the rows carry no weights, their printed scores are the implied weights
 * (20 + 10 + 10 + 40 = 80). A satisfaction actual with a sign (90% → ≥90%), a 效益指标 row left empty,
 * form-level reason cells answered 无. A correct form.
 *
 * Columns: A block (年度绩效目标（80分）, merged), B 一级, C 二级, D 三级, E 年初目标值（A）,
 * F 实际完成值（B）, G 得分.
 */
export const form: CorpusForm = {
  id: "hb-jinbu-2020",
  source: {
    url: "https://1wenmi.com/doc/330418.html",
    title:
      "2020年度长江禁捕项目自评表单位名称农业工作科填报日期.docx（第壹文秘, a document-sharing copy of a scanned form）",
  },
  province: "湖北",
  unit: "区市场监督管理局 农业工作科",
  year: 2020,
  features: [
    "weights only on the block cell 年度绩效目标（80分）",
    "implied weights from printed scores (20, 10, 10, 40)",
    "budget rate printed as a bare 1",
    "sign on the actual (90% → ≥90%)",
    "empty level-1 row 效益指标",
    "form-level reason cells answered 无",
  ],
  sheet: "长江禁捕",
  rows: [
    /* 1 */ ["2020年度长江禁捕项目自评表"],
    /* 2 */ ["单位名称:农业工作科", null, null, null, "填报日期:"],
    /* 3 */ ["项目名称", "渔业成品油价格改革补贴"],
    /* 4 */ ["主管部门", "区市场监督管理局", null, null, "项目实施单位", "农业科"],
    /* 5 */ ["项目类别", "1、部门预算项目0 2、市直专项口 3、市对下转移支付项目0"],
    /* 6 */ [
      "项目属性",
      "1、持续性项目 2、新增性项目0",
      null,
      null,
      "项目类型",
      "1、常年性项目 2、延续性项目口 3、一次性项目0",
    ],
    /* 7 */ [
      "预算执行情况(万元)(20分)",
      null,
      "预算数(A)",
      "执行数(B)",
      "执行率(B/A)",
      "得分(20分*执行率)",
    ],
    /* 8 */ ["年度财政资金总额", null, 1.56, 1.56, 1, 20],
    /* 9 */ [
      "年度绩效目标(80分)",
      "一级指标",
      "二级指标",
      "三级指标",
      "年初目标值(A)",
      "实际完成值(B)",
      "得分",
    ],
    /* 10 */ [null, "产出指标", "数量指标", "补贴渔船数", 6, 6, 20],
    /* 11 */ [null, null, "质量指标", "渔船补贴发放率", "100%", "100%", 10],
    /* 12 */ [null, null, "时效指标", "12月底之前完成", "100%", "100%", 10],
    /* 13 */ [null, "效益指标"],
    /* 14 */ [null, "满意度指标", "服务对象满意度", "退捕渔民抽样调查满意度", "90%", "≥90%", 40],
    /* 15 */ ["总分", null, null, null, null, null, 100],
    /* 16 */ ["偏差大或目标未完成原因分析", "无"],
    /* 17 */ ["改进措施及结果应用方案", "无"],
    /* 18 */ [
      "备注:1.预算执行情况口径:预算数为调整后财政资金总额(包括上年结余结转),执行数为资金使用单位财政资金实际支出数。2.定量指标完成数汇总原则:绝对值直接累加计算,相对值按照资金额度加权平均计算。定量指标计分原则:正向指标(即目标值为≥X,得分=权重*B/A),反向指标(即目标值为≤X,得分=权重*A/B),得分不得突破权重总额。定量指标先汇总完成数,再计算得分。3.定性指标计分原则:达成预期指标、部分达成预期指标、未达成预期指标三档,分别按照该指标对应分值区间100%-80%(≥80%)、80%-50%(≥50%,<80%)、50%-0%(<50%)合理确定分值。",
    ],
  ],
  merges: [
    "A1:G1",
    "A2:D2",
    "E2:G2",
    "B3:G3",
    "B4:D4",
    "F4:G4",
    "B5:G5",
    "B6:D6",
    "F6:G6",
    "A7:B7",
    "A8:B8",
    "A9:A14",
    "B10:B12",
    "A15:F15",
    "B16:G16",
    "B17:G17",
    "A18:G18",
  ],
  expected: {
    profile: "hubei",
    budget: { annual: "1.56", executed: "1.56" },
    indicators: [
      { row: 10, name: "补贴渔船数", target: "6", actual: "6", weight: "20", stated: "20" },
      {
        row: 11,
        name: "渔船补贴发放率",
        target: "100%",
        actual: "100%",
        weight: "10",
        stated: "10",
      },
      {
        row: 12,
        name: "12月底之前完成",
        target: "100%",
        actual: "100%",
        weight: "10",
        stated: "10",
      },
      {
        row: 14,
        name: "退捕渔民抽样调查满意度",
        target: "90%",
        actual: "≥90%",
        weight: "40",
        stated: "40",
      },
    ],
    statedTotal: "100",
    total: "100",
    grade: "优",
    prompts: [],
  },
  decisions: [
    "The stored copy is the text layer of a scanned page: vertical cells come out shuffled ('度效标O0B年绩目1分' is the block cell, 'EB' the header 一级指标, '出标产指' 产出指标, '益标效指' 效益指标, '意指斥满度打' 满意度指标), check boxes come out as 0 and 口 (transcribed as stored in the 项目类别/属性/类型 cells), ≥ as 2 ('290%' is ≥90%, as the hn-hengshan-2020 copy prints '市民满意度调查290%'). The block cell is read as 年度绩效目标(80分): the four printed scores add up to 80 and the budget's 20 makes the printed 总分 100.",
    "'6620' is 补贴渔船数 6 → 6, score 20 (the only split that leaves a score within the block's 80); '12月底之前完成10 / 0%100%10' crosses the page break: 100% → 100%, score 10. '12月底之前完成' stands in the 三级指标 column, the name the form gives the row.",
    "Profile hubei: 预算执行情况(万元)(20分), 得分(20分*执行率) and the 备注 are Hubei's marks (domain.md §5); the 备注 transcribed from the stored copy with its garbled ≥/< restored (it is not used for weights).",
    "Budget 1.56 → 1.56: the rate printed as a bare 1 is tried as a fraction and as a percentage, and 100% agrees (domain.md §2 rate columns); score 20 × 100% = 20 as printed.",
    "Weights: no per-row weight; every row is met with a printed score, so the scores are the implied weights 20 + 10 + 10 + 40 = 80 = the block's (80分): no prompt (domain.md §3 Weights).",
    "退捕渔民抽样调查满意度 90% → ≥90%: a sign on the actual is dropped and what remains equals the target's bound: met (domain.md §2).",
    "Row 13 (效益指标 alone) is a template row left in, not an indicator. The form-level reason cells say 无 and nothing falls short: no prompt.",
    "Total 20 + 80 = 100 = the printed 总分: no total-mismatch; 优.",
  ],
};
