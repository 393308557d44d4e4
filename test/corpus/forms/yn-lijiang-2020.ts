import type { CorpusForm } from "../types";

/**
 * 丽江市古城区自然资源局 2020年省级自然资源卫片执法补助经费 (Yunnan, Lijiang). Yunnan's provincial
 * template: 年度指标值 merged over 指标性质 | 指标值 | 度量单位 under a two-row header, the actual in its
 * own column without a unit, the small equals sign ﹦. Every indicator met, yet four printed scores
 * take a point or three off without a word of reason.
 *
 * Indicator columns: A 一级, B 二级, C 三级, D 指标性质, E 指标值, F 度量单位, G 实际完成值, H 分值,
 * I 得分, J 偏差原因分析及改进措施.
 */
const two = (n: number) => ({ n, fmt: "0.00" });
const pct = (n: number) => ({ n, fmt: "0%" });

export const form: CorpusForm = {
  id: "yn-lijiang-2020",
  source: {
    url: "http://m.jjiadianqingjie.com.cn/changyong/13241.html",
    title: "2020年云南省級自然資源衛片執法補助經費（2021-06-28，轉載自微信公眾號yn2553）",
  },
  province: "云南",
  unit: "丽江市古城区自然资源局",
  year: 2020,
  features: [
    "§1.1 split target (指标性质|指标值|度量单位 under 年度指标值)",
    "sign ﹦",
    "two-row header",
  ],
  truncated:
    "The stored copy ends at the 满意度 row's 分值 (10.00): its 得分 and anything below (a 总分 row, if any) are not transcribed.",
  sheet: "卫片执法补助经费",
  rows: [
    /* 1 */ ["2020年度项目支出绩效自评表"],
    /* 2 */ ["项目名称", "2020年省级自然资源卫片执法补助经费支出绩效自评表"],
    /* 3 */ [
      "主管部门",
      "丽江市自然资源和规划局",
      null,
      null,
      "实施单位",
      "丽江市古城区自然资源局",
    ],
    /* 4 */ [
      "项目资金 (万元)",
      null,
      "年初预算数",
      "全年预算数",
      "全年执行数",
      "分值",
      "执行率",
      "得分",
    ],
    /* 5 */ [null, "年度资金总额", 7.29, 7.29, 7.29, two(10), pct(1), two(10)],
    /* 6 */ [null, "其中:当年财政拨款", 7.29, 7.29, 7.29, null, pct(1)],
    /* 7 */ [null, "上年结转资金"],
    /* 8 */ [null, "其他资金"],
    /* 9 */ ["年度\n总体\n目标", "预期目标", null, null, null, "实际完成情况"],
    /* 10 */ [null, "自然资源卫片执法补助经费", null, null, null, "自然资源卫片执法补助经费"],
    /* 11 */ [
      "绩效指标",
      null,
      null,
      "年度指标值",
      null,
      null,
      "实际完成值",
      "分值",
      "得分",
      "偏差原因分析及改进措施",
    ],
    /* 12 */ ["一级\n指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位"],
    /* 13 */ [
      "产出指标",
      "数量指标",
      "卫片执法补助经费",
      "﹦",
      72890,
      "元",
      72890,
      two(10),
      two(9),
    ],
    /* 14 */ [null, "质量指标", "项目验收合格率", "﹦", 100, "%", 100, 20, 19],
    /* 15 */ [null, "时效指标", "项目完成及时率", "﹦", 100, "%", 100, two(20), two(19)],
    /* 16 */ ["效益指标", "社会效益指标", "违法行为责停率", "≥", 95, "%", 95, two(30), two(27)],
    /* 17 */ ["满意度指标", "服务对象满意度指标", "满意度", "≥", 95, "%", 95, two(10)],
  ],
  merges: [
    "A1:J1",
    "B2:J2",
    "B3:D3",
    "F3:J3",
    "A4:A8",
    "A9:A10",
    "B9:E9",
    "F9:J9",
    "B10:E10",
    "F10:J10",
    "A11:C11",
    "D11:F11",
    "G11:G12",
    "H11:H12",
    "I11:I12",
    "J11:J12",
    "A13:A15",
  ],
  expected: {
    profile: "national",
    budget: { annual: "7.29", executed: "7.29" },
    indicators: [
      {
        row: 13,
        name: "卫片执法补助经费",
        target: "﹦72890元",
        actual: "72890元",
        weight: "10",
        stated: "9",
      },
      {
        row: 14,
        name: "项目验收合格率",
        target: "﹦100%",
        actual: "100%",
        weight: "20",
        stated: "19",
      },
      {
        row: 15,
        name: "项目完成及时率",
        target: "﹦100%",
        actual: "100%",
        weight: "20",
        stated: "19",
      },
      {
        row: 16,
        name: "违法行为责停率",
        target: "≥95%",
        actual: "95%",
        weight: "30",
        stated: "27",
      },
      { row: 17, name: "满意度", target: "≥95%", actual: "95%", weight: "10", stated: null },
    ],
    statedTotal: null,
    total: "100",
    grade: "优",
    prompts: [
      {
        kind: "score-mismatch",
        cell: "I13",
        why: "﹦72890元 → 72890: met, 10 × 100% = 10, printed 9.00",
      },
      { kind: "score-mismatch", cell: "I14", why: "﹦100% → 100: met, 20, printed 19" },
      { kind: "score-mismatch", cell: "I15", why: "﹦100% → 100: met, 20, printed 19.00" },
      { kind: "score-mismatch", cell: "I16", why: "≥95% → 95: met, 30, printed 27.00" },
    ],
  },
  decisions: [
    "The stored copy is a mirror that renders the page in traditional characters (項目資金, 績效指標); the form itself is a Yunnan form in simplified characters, and it is transcribed in simplified characters.",
    "Row 6 prints three amounts and 100% for six columns: the 100% is put in 执行率, the 分值 and 得分 of a 其中 row being empty in this template.",
    "The actual column has no unit of its own: a bare number there is read in the target's unit (72890 → 72890元, 100 → 100%), as an accountant reads the row. A reading that keeps the bare number is accepted by the test as long as the score is right.",
    "﹦ (U+FE66) is an equals sign (domain.md §1); national equalTarget is at least, so each ﹦ row is met exactly.",
    "The four deductions (9/10, 19/20, 19/20, 27/30) are on rows that are fully met and no reason is written: each is a score-mismatch (domain.md §4: a printed score must agree with the computed one). They are the form's hand errors.",
    "Weights 10+20+20+30+10 = 90, with the budget's 10 = 100: no weight-sum. Budget 7.29/7.29 = 100%, printed 100% and 10.00 agree.",
    "Total: the four disagreeing scores are replaced and the empty 满意度 score is written (95% → 95, met, 10): 10 + 10 + 20 + 20 + 30 + 10 = 100, 优. The weights are complete, so the total is well defined although the copy stops before a 总分 row.",
  ],
};
