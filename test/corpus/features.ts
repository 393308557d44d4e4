/**
 * Issue 24's layout features and the corpus forms that carry them, tagged by hand from the transcribed
 * cells (test/corpus/forms/*.ts) and checked against them: which real forms test which feature.
 * scripts/corpus-prompts.ts reports the prompts per feature from this table.
 */
export interface CorpusFeature {
  readonly feature: string;
  /** Ids of the forms (tested or awaiting) whose printed cells show the feature. */
  readonly forms: readonly string[];
}

export const FEATURES: readonly CorpusFeature[] = [
  {
    feature: "annotated headers (A) (B) (B/A)",
    forms: [
      "ah-tianchang-2022",
      "hn-hengshan-2020",
      "sc-zhongjiang-2022",
      "hb-huanggang-2020",
      "hb-jinbu-2020",
      "hb-huanggang-archives-2020",
    ],
  },
  { feature: "weights printed as percentages", forms: [] },
  { feature: "parent and detail rows (一、 over 1、; 其中 detail rows)", forms: [] },
  { feature: "得分 merged over several indicator rows", forms: [] },
  { feature: "total in a title line, header cell or sentence", forms: [] },
  { feature: "budget amounts as row labels", forms: [] },
  { feature: "其中 rows carrying the amounts (total row 0)", forms: ["ah-chizhou-2022"] },
  {
    feature: "framework groups or their level-2 names (产出数量/产出质量…)",
    forms: ["sx-lvliang-2021"],
  },
  {
    feature: "reason header other than 偏差原因分析及改进措施 (…原因…)",
    forms: [
      "hn-hengshan-2020",
      "sc-zhongjiang-2022",
      "sc-qingshen-2023",
      "sc-daying-2023",
      "sc-daying-cost-2023",
      "hb-huanggang-2020",
      "hb-jinbu-2020",
    ],
  },
  { feature: "预算执行率 row among the indicators", forms: ["hb-ezhou-2021"] },
  {
    feature:
      "§9 header synonyms (指标值, 完成值, 全年完成值, 全年实际值, 目标值, 指标名称, 调整后预算数)",
    forms: [
      "hn-hengshan-2020",
      "sc-zhongjiang-2022",
      "sc-qingshen-2023",
      "sc-daying-2023",
      "sc-daying-cost-2023",
      "sx-lvliang-2021",
    ],
  },
  { feature: "no points anywhere", forms: ["hn-hengshan-2020", "sx-lvliang-2021"] },
  { feature: "budget block without indicator rows", forms: ["hb-huanggang-archives-2020"] },
  { feature: "no budget block printed", forms: ["sx-lvliang-2021", "sc-daying-cost-2023"] },
  {
    feature: "weights only on group or block cells (implied weights)",
    forms: ["ah-tianchang-2022", "ah-chizhou-2022", "hb-huanggang-2020", "hb-jinbu-2020"],
  },
  {
    feature: "empty or placeholder rows between indicators",
    forms: [
      "ah-tianchang-2022",
      "hb-langfang-2019",
      "sc-zhongjiang-2022",
      "hb-huanggang-2020",
      "hb-ezhou-2021",
    ],
  },
  {
    feature: "amounts with 万 in a (万元) block",
    forms: ["hb-ezhou-2021", "hb-huanggang-archives-2020"],
  },
];
