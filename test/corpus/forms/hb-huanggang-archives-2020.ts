import type { CorpusForm } from "../types";

/**
 * 黄冈市档案馆 档案抢救与保护…等专项经费, 2020 (Hubei, Huanggang). The Huanggang municipal template (as
 * hb-huanggang-2020) with the budget in 万 inside a (万元) block (10万 → 10万, 100%, 20) and the indicator
 * block headed 年度绩效指标; the stored copy (a document-sharing preview) stops inside that header row,
 * so what is transcribed is a budget block whose indicator table holds no row: domain.md §9's
 * "a budget block with no indicator table is a form".
 *
 * Columns: A label, B–C (merged), D 预算数（A）, E 执行数（B）, F 执行率（B/A）, G 得分（20分*执行率）;
 * the indicator header A 年度绩效指标, B 一级指标, C 二级指标, D 三级指….
 */
export const form: CorpusForm = {
  id: "hb-huanggang-archives-2020",
  source: {
    url: "http://bubsandbeans.com/paper/218226069.html",
    title:
      "黄冈市档案馆2020年度 项目绩效自评报告 / 附件2:黄冈市档案馆2020年度项目绩效自评表（a document-sharing preview）",
  },
  province: "湖北",
  unit: "黄冈市档案馆",
  year: 2020,
  features: [
    "budget amounts with 万 in a (万元)(20分) block",
    "§9 budget block with no indicator row (the copy stops in the header)",
  ],
  truncated:
    "The stored copy ends inside the indicator header ('年度绩效指标 一级指标 二级指标 三级指'): no indicator row, no 总分 row is transcribed.",
  sheet: "档案专项经费",
  rows: [
    /* 1 */ ["附件2:黄冈市档案馆2020年度项目绩效自评表"],
    /* 2 */ ["单位名称:黄冈市档案馆", null, null, null, "填报日期:2021年4月"],
    /* 3 */ [
      "项目名称",
      "档案抢救与保护、档案工作考评、查询利用、档案资料征集、数字化、编研、陈列等专项经费",
    ],
    /* 4 */ ["主管部门", null, null, null, "项目实施单位", "黄冈市档案馆"],
    /* 5 */ ["项目类别", "1、上级专项 2、本级专项"],
    /* 6 */ [
      "项目属性",
      "1、持续性项目 2、新增性项目",
      null,
      null,
      "项目类型",
      "1、一次性拨付项目 2、多次拨付项目",
    ],
    /* 7 */ [
      "预算执行情况(万元)(20分)",
      null,
      null,
      "预算数(A)",
      "执行数(B)",
      "执行率(B/A)",
      "得分(20分*执行率)",
    ],
    /* 8 */ ["年度财政资金总额", null, null, "10万", "10万", "100%", 20],
    /* 9 */ ["年度绩效指标", "一级指标", "二级指标", "三级指"],
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
    "A7:C7",
    "A8:C8",
  ],
  expected: {
    profile: "hubei",
    budget: { annual: "10", executed: "10" },
    indicators: [],
    statedTotal: null,
    total: null,
    grade: null,
    prompts: [
      {
        kind: "form-unread",
        cell: "*",
        why: "domain.md §9: a budget block with no indicator table is a form: its budget is read and scored (10万 → 10万, 100%, 20 × 100% = 20 as printed), no total or grade, one form-unread 提示 未找到绩效指标表",
      },
    ],
  },
  decisions: [
    "The stored copy renders the document in traditional characters (預算執行情況(萬元)(20分)); transcribed in simplified characters, brackets as printed, as hb-huanggang-2020 was.",
    "The report printed above the form ('项目绩效自评报告 自评得分100分 …') is prose outside the form and is not transcribed; the form starts at '附件2:'.",
    "Profile hubei: 预算执行情况(万元)(20分) and 得分(20分*执行率) (domain.md §5).",
    "10万 in a block headed (万元) is 10 万元 (domain.md §2 budget amounts); 10 ÷ 10 = 100% as printed; 20 × 100% = 20 as printed: no prompt on the block.",
    "The indicator header is cut ('三级指'): the transcription has a budget block and an indicator header with no row under it. domain.md §9 says a budget block with no indicator table is a form, read and scored, with one form-unread 提示 (未找到绩效指标表) and no total or grade; the cell is left open ('*') because §9 names the header row and the transcription has two candidate headers (the block's and the cut indicator header).",
  ],
};
