import { normalizeHeader } from "../engine/text";

/**
 * The header vocabulary of every template the reader knows (domain §1, §9), as data: each field with
 * the words printed for it, their synonyms and known typos, written as the forms print them. A cell
 * matches a field when the whole cell, normalised (no whitespace, half-width brackets and colons, no
 * trailing colon), equals one of its words, starts with one of its prefixes or contains one of its
 * `contains` words; failing that, when its meaning key (headerKey: bracketed annotations, a trailing
 * number and a trailing 数/值 removed) equals a word's key: 指标值(A) is 指标值, 全年执行 is 全年执行数.
 * A new template is a few words here plus a test.
 */
export interface Words {
  /** Whole-cell words. */
  readonly words: readonly string[];
  /** Words a cell may start with (得分（20分*执行率）, 填报注意事项：…). */
  readonly prefixes?: readonly string[];
  /** Words a cell may contain anywhere (titles: …项目支出绩效自评表; 原因 in a reason header). */
  readonly contains?: readonly string[];
}

/** Bracketed annotations: (A), (B/A), (万元), (%), (20分), 【…】, [...] (brackets already half-width). */
const ANNOTATION = /\([^()]*\)|【[^】]*】|\[[^\]]*\]/g;

/**
 * A normalised header's meaning key (domain §9): bracketed annotations removed, then a trailing
 * number (年度绩效目标1) and a trailing 数 or 值 (全年执行数 → 全年执行, 指标值(A) → 指标).
 */
export function headerKey(norm: string): string {
  return norm
    .replace(ANNOTATION, "")
    .replace(/\d+$/, "")
    .replace(/[数值]$/, "");
}

export type IndicatorField =
  | "level1"
  | "level2"
  | "name"
  | "target"
  | "actual"
  | "weight"
  | "score"
  | "rate"
  | "rule"
  | "reason";

export type BudgetField = "initial" | "annual" | "executed" | "weight" | "rate" | "score";

/** Column parts under a merged 年度指标值 / 实际完成值 (Yunnan: 指标性质 | 指标值 | 度量单位). */
export type PartField = "sign" | "value" | "unit";

export const INDICATOR_HEADERS: Readonly<Record<IndicatorField, Words>> = {
  level1: { words: ["一级指标"] },
  level2: { words: ["二级指标"] },
  name: { words: ["三级指标", "指标名称"] },
  target: {
    words: [
      "年度指标值",
      "年初目标值（A）",
      "目标值",
      "目标值（A）",
      "预期指标值",
      "年度设定指标值",
      "年度目标值",
      "指标值",
      "预期目标值",
    ],
  },
  actual: {
    words: [
      "实际完成值",
      "实际完成值（B）",
      "全年实际值",
      "全年实际值（B）",
      "业绩值",
      "实际完成指标值",
      "实际值",
      "完成值",
      "全年完成值",
    ],
  },
  weight: {
    words: [
      "分值",
      "权重",
      "分值权重",
      "权重（%）",
      "分值（分）",
      "参考分值",
      "标准分值",
      "指标分值",
    ],
  },
  score: { words: ["得分", "指标得分", "自评得分", "得分（分）"] },
  rate: { words: ["完成率", "完成率（%）", "指标完成率"] },
  rule: { words: ["赋分规则"] },
  reason: {
    words: [
      "偏差原因分析及改进措施",
      "未完成原因和改进措施",
      "未完成原因分析及改进措施",
      "偏差原因及改进措施",
      "偏差原因分析及改进措施说明",
      "未完成原因及改进措施",
    ],
    /** Any header naming a reason (未完成原因及拟采取的改进措施). */
    contains: ["原因"],
  },
};

export const PART_HEADERS: Readonly<Record<PartField, Words>> = {
  sign: { words: ["指标性质", "指标方向", "符号", "运算符"] },
  value: { words: ["指标值", "数值", "值", "完成值", "实际值"] },
  unit: { words: ["度量单位", "计量单位", "单位"] },
};

export const BUDGET_HEADERS: Readonly<Record<BudgetField, Words>> = {
  initial: { words: ["年初预算数"] },
  annual: {
    words: [
      "全年预算数",
      "全年预算数（A）",
      "预算数（A）",
      "预算数",
      "调整后预算数",
      "调整预算数",
      "年度金额",
    ],
  },
  executed: {
    words: [
      "全年执行数",
      "全年执行数（B）",
      "执行数（B）",
      "执行数",
      "预算执行数",
      "实际完成数",
      "实际支出数",
      "资金使用情况",
      "已使用",
    ],
  },
  weight: { words: ["分值", "分值权重"] },
  rate: { words: ["执行率", "执行率（B/A）", "执行率（%）", "预算执行率"] },
  score: { words: ["得分"], prefixes: ["得分（"] },
};

/** The budget block's own header cell (项目资金（万元）): with it one amount column is a block. */
export const BUDGET_BLOCK_LABEL: Words = {
  words: [],
  prefixes: ["项目资金", "部门资金", "预算执行情况", "项目预算执行情况", "资金来源"],
};

/** The budget block's total row (the 其中 rows follow it). */
export const BUDGET_TOTAL_ROW: Words = {
  words: ["合计", "总计", "资金总额"],
  prefixes: ["年度资金总额", "年度财政资金总额"],
};

/**
 * Budget amounts printed as row labels with the amount beside them (domain §9: 转移支付预算数(A) | 208,
 * 执行数(B) | 109.8): a label whose meaning key (headerKey) ends with one of these is that amount, when
 * no budget column word names it whole (年初预算数 stays the initial budget).
 */
export const BUDGET_LABEL_ENDINGS: Readonly<Record<"annual" | "executed", readonly string[]>> = {
  annual: ["预算数", "年度金额"],
  executed: ["执行数", "已使用", "资金使用情况"],
};

/** Labels written inside the budget rows (Renhe 2022: 预算数： 100 执行数： 16), colon required. */
export const IN_ROW_BUDGET = {
  annual: ["预算数："],
  executed: ["执行数："],
  /** Further row labels of that template. */
  rows: ["其他资金", "上年结转资金"],
  rowPrefixes: ["其中："],
} as const;

export const TITLE: Words = {
  words: [],
  contains: [
    "项目支出绩效自评表",
    "项目支出绩效评价表",
    "绩效目标自评",
    "整体支出绩效自评表",
    "项目自评表",
    "绩效自评表",
  ],
};
/** A year line under the title: 2024年度, （2024年度）. */
export const YEAR_LINE = /^\(?\d{4}年度\)?$/;
export const PROJECT_LABEL: Words = {
  words: ["项目名称", "专项（项目）名称", "专项名称", "项目名", "专项资金名称", "资金名称"],
};
/**
 * Labels of the form's printed total outside a 总分 row (domain §9): a header cell 自评得分 | 98, the
 * title line …项目总得分99分, a sentence 得分合计100。 The number follows the label (：, 为 between).
 */
export const TOTAL_IN_TEXT: readonly string[] = [
  "项目总得分",
  "自评总分",
  "自评得分",
  "得分合计",
  "总得分",
];
export const GRADE_LABEL: Words = { words: ["等级", "评价等级", "自评等级"] };
/** A total row's label, with or without (100分) (domain §9): never an indicator. */
export const TOTAL_LABEL: Words = {
  words: [
    "总分",
    "合计",
    "总计",
    "总分值",
    "得分合计",
    "自评得分",
    "自评总分",
    "项目总得分",
    "总得分",
  ],
};
export const FORM_REASON: Words = { words: ["偏差大或目标未完成原因分析", "偏差原因分析"] };
export const END_OF_TABLE: Words = {
  words: [],
  prefixes: [
    "单位主要负责人签批意见",
    "填报注意事项",
    "备注",
    "偏差大或目标未完成原因分析",
    "改进措施及结果应用方案",
    "附件",
  ],
};
export const RULE_NOTES: Words = { words: [], prefixes: ["填报注意事项", "备注"] };
export const GOALS: Words = {
  words: [],
  prefixes: ["年度总体目标", "年度总体目标完成情况", "预期目标", "年度设定目标", "总体目标"],
};
/**
 * Header texts of the indicator table that name no column the rules read, and are known to (domain
 * §1: 上年完成情况, 指标值设定依据, 佐证资料 are not headers): left over, they are no gap (§9).
 */
export const IGNORED_HEADERS: Words = {
  words: [
    "序号",
    "备注",
    "上年完成情况",
    "上年实际值",
    "上年指标值",
    "指标值设定依据",
    "佐证资料",
    "佐证材料",
    "评分标准",
    "评分依据",
    "评分办法",
    "指标解释",
    "指标说明",
    "计算方法",
    "数据来源",
    "绩效指标",
  ],
};

/** Where the budget block ends and the indicator table begins. */
export const TABLE_START: Words = { words: ["一级指标", "绩效指标"] };

/** Level-1 / level-2 keywords (a row's own level cell), typos included: 可持续影指标, 时效时间. */
export const LEVEL_WORD: Words = {
  words: ["履职效能"],
  prefixes: [
    ...["产出", "效益", "满意度", "成本", "履职效能", "完成"].map((w) => `${w}指标`),
    ...[
      "数量",
      "质量",
      "时效",
      "经济效益",
      "社会效益",
      "生态效益",
      "可持续影响",
      "可持续影",
      "服务对象满意度",
      "经济成本",
      "社会成本",
      "生态成本",
    ].map((w) => `${w}指标`),
    "时效时间",
    "服务对象满意度标",
  ],
};

/** A weight on a block cell left of the level-1 cells: 年度绩效目标（80分）. */
export const BLOCK_LABEL: Words = { words: [], prefixes: ["年度绩效目标", "绩效目标", "绩效指标"] };

/**
 * Numbering of rows in templates that nest them (domain §9's parent rows): a heading rank 一、 over
 * item ranks 1、 / 1. / （1）; a ★ heading over its unmarked rows. Each rank is one pattern on the
 * row's name (or level) text, whitespace removed.
 */
export const ROW_RANKS: readonly RegExp[] = [
  /^★/,
  /^[一二三四五六七八九十]+[、.．]/,
  /^\d+[、.．](?!\d)/,
  /^[(（]\d+[)）]/,
];
/** A detail row's name under its weighted row (其中：…). */
export const DETAIL_NAME = /^其中[:：]?/;

/* Placeholder rows (指标1：, ……) are one definition for recognition and scoring: src/engine/placeholder.ts. */

/** 指标性质 cells: a sign as printed → the sign the engine reads; words are passed as written. */
export const SIGNS: Readonly<Record<string, string>> = {
  "≥": "≥",
  "≧": "≥",
  ">=": "≥",
  "≤": "≤",
  "≦": "≤",
  "<=": "≤",
  "=": "=",
  "═": "=",
  "﹦": "=",
  ">": ">",
  "<": "<",
  不少于: "不少于",
  不低于: "不低于",
  不高于: "不高于",
  不超过: "不超过",
  大于等于: "≥",
  小于等于: "≤",
  大于: "大于",
  小于: "小于",
  等于: "=",
};
/** 指标性质 values that carry no sign (定性 rows: the value is the whole target). */
export const NO_SIGN = ["定性", "定量"];

/** A matcher over normalised cells for a word list. */
export type Matcher = (norm: string) => boolean;

const escape = (w: string): string => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** One compiled alternation for a list of literal words ("^" for prefixes). */
const alternation = (words: readonly string[], anchor: string): RegExp | null =>
  words.length
    ? new RegExp(`${anchor}(?:${words.map(normalizeHeader).map(escape).join("|")})`)
    : null;

/** A word list's meaning keys (empty keys, as 值's, left out). */
const keysOf = (words: readonly string[]): string[] =>
  words.map((w) => headerKey(normalizeHeader(w))).filter((k) => k !== "");

/**
 * A lookup remembered per normalised text: a sheet repeats its texts, and every row's cells are
 * looked up by several readers. Cleared when it grows past a sheet's worth of distinct texts.
 */
export function remembered<T>(look: (norm: string) => T): (norm: string) => T {
  const seen = new Map<string, T>();
  return (norm) => {
    let hit = seen.get(norm);
    if (hit === undefined) {
      if (seen.size > 20000) seen.clear();
      hit = look(norm);
      seen.set(norm, hit);
    }
    return hit;
  };
}

export function matcher(w: Words): Matcher {
  const words = new Set(w.words.map(normalizeHeader));
  const keys = new Set(keysOf(w.words));
  const prefixes = alternation(w.prefixes ?? [], "^");
  const contains = alternation(w.contains ?? [], "");
  return remembered(
    (norm) =>
      norm !== "" &&
      (words.has(norm) ||
        (prefixes?.test(norm) ?? false) ||
        (contains?.test(norm) ?? false) ||
        (keys.size > 0 && keys.has(headerKey(norm))))
  );
}

const NONE: readonly never[] = [];

/**
 * Field of a header cell: one lookup per normalised cell. Every field that lists the whole cell or
 * a prefix of it, else every field containing one of its words, else every field with its meaning key.
 */
export function fieldLookup<F extends string>(
  table: Readonly<Record<F, Words>>
): (norm: string) => readonly F[] {
  const exact = new Map<string, F[]>();
  const byKey = new Map<string, F[]>();
  const prefixed: [string, F][] = [];
  const contained: [string, F][] = [];
  const add = (map: Map<string, F[]>, k: string, field: F): void => {
    const had = map.get(k) ?? [];
    if (!had.includes(field)) map.set(k, [...had, field]);
  };
  for (const field of Object.keys(table) as F[]) {
    for (const word of table[field].words) add(exact, normalizeHeader(word), field);
    for (const k of keysOf(table[field].words)) add(byKey, k, field);
    for (const p of table[field].prefixes ?? []) prefixed.push([normalizeHeader(p), field]);
    for (const c of table[field].contains ?? []) contained.push([normalizeHeader(c), field]);
  }
  const anyPrefix = alternation(
    prefixed.map((x) => x[0]),
    "^"
  );
  return remembered((norm) => {
    const hit: readonly F[] = exact.get(norm) ?? NONE;
    const more =
      anyPrefix && anyPrefix.test(norm)
        ? prefixed.filter(([p, f]) => norm.startsWith(p) && !hit.includes(f)).map((x) => x[1])
        : NONE;
    const found = more.length ? [...hit, ...more] : hit;
    if (found.length || norm === "") return found;
    const inside = contained.filter(([c]) => norm.includes(c)).map((x) => x[1]);
    if (inside.length) return inside;
    return byKey.get(headerKey(norm)) ?? NONE;
  });
}

/** The sign a 指标性质 cell stands for, "" for none (定性, "/"), null when it is not a sign. */
export function signOf(norm: string): string | null {
  if (norm === "" || NO_SIGN.includes(norm) || /^[-—–/\\]+$/.test(norm)) return "";
  return SIGNS[norm] ?? null;
}
