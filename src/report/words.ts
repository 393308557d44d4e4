/**
 * The words the report looks for and the words it writes, as data (one place to change them).
 * Labels are compared without whitespace and full-width brackets made half-width.
 */
export const IDENTITY_LABELS = {
  department: /^(主管部门|项目主管单位|主管部门及代码|主管单位)$/,
  implementer: /^(实施单位|项目实施单位)$/,
  unit: /^(单位名称|预算单位|单位)$/,
  goal: /^年度总体目标/,
  goalExpected: /^(预期目标|年度设定目标|年初设定目标|总体目标)$/,
  goalActual: /(实际完成情况|目标实际完成情况|全年实际完成情况)$/,
  measures: /^(改进措施|改进措施及结果应用方案|下一步改进措施)$/,
} as const;

/** 单位名称：东西湖区融媒体中心 inside one cell (Wuhan's caption line). */
export const INLINE_UNIT = /单位名称[:：]\s*([^\s\u3000]+)/;

/** A year as forms print it: （2020年度）, 2021年度…, (2023年度). */
export const YEAR = /(20\d{2})\s*年度?/;

/** A form for the unit as a whole, not a project (昌吉's 单位整体支出绩效自评表). */
export const UNIT_FORM_TITLE = /单位整体/;

export const SECTION_TITLES = [
  "一、项目基本情况",
  "二、绩效目标完成情况",
  "三、自评结论",
  "四、偏差原因分析及改进措施",
  "五、其他需要说明的问题",
] as const;

export const CHECK_TITLE = "提交前请核对（不属于报告正文，核对修改后删除）";

export const LEVEL_ORDER = ["产出", "成本", "效益", "满意度"] as const;

/** Bands of the unit paragraph, as the seeds print them. */
export const BANDS: readonly {
  readonly label: string;
  readonly lo: number;
  readonly hi: number | null;
}[] = [
  { label: "90（含）-100分", lo: 90, hi: null },
  { label: "80（含）-90分", lo: 80, hi: 90 },
  { label: "60（含）-80分", lo: 60, hi: 80 },
  { label: "60分以下", lo: 0, hi: 60 },
];

export const PENDING_TOTAL = "待人工评分";

/** Chinese ordinals for sub-parts, so that list numbering adds no digits to the text. */
export const ORDINALS = "一二三四五六七八九十";
export const ordinal = (i: number): string =>
  i < ORDINALS.length
    ? ORDINALS[i]
    : `${ORDINALS[Math.floor(i / 10) - 1] ?? ""}十${ORDINALS[(i % 10) - 1] ?? ""}`;

/** A unit or department code printed before or instead of its name (219001-…, 109101). */
export const CODE_PREFIX = /^\d{4,}\s*(?:[-－—_.、:：]\s*|$)/;

/** Prose as a Chinese government report writes it (issue 21): full-width signs, no doubled stops. */
export const PROSE_FIXES: readonly (readonly [RegExp, string])[] = [
  [/\s*(<=|=<|≦)\s*/g, "≤"],
  [/\s*(>=|=>|≧)\s*/g, "≥"],
  [/\s*<\s*(?=[\d.])/g, "＜"],
  [/\s*>\s*(?=[\d.])/g, "＞"],
  [/([。；！？])[，,。；]+/g, "$1"],
  [/[，,]+([。；])/g, "$1"],
];

/** The summary table's header (issue 21). */
export const SUMMARY_HEADER = ["项目", "全年预算数", "执行数", "执行率", "总分", "等级"] as const;

/** A form's title saying who evaluated: 项目支出绩效自评表 (the unit) or …绩效评价表 (the department). */
export const SELF_TITLE = /自评/;
export const REVIEW_TITLE = /评价表/;

/** 存在的问题 (issue 21): its lead and the sentence of a project without any. */
export const PROBLEM_LEAD = "存在的问题：";
export const NO_PROBLEMS = "存在的问题：预算执行正常，偏差均已说明原因，表中得分经核算无误。";

/** The words beside a printed rate quoted as printed: how the computed rate beside it was got. */
export const RATE_COMPUTED_BY = { amounts: "按金额计算为", values: "按实际完成值计算为" } as const;

/** 提交前请核对's table header in the .docx (issue 21). */
export const CHECK_HEADER = ["单元格", "核对事项"] as const;
