import type { Form, FormResult, IndicatorResult } from "../engine/types";
import { labelWords, quotedRate, rate, score } from "./format";
import { text, type Block, type Run } from "./model";
import { LEVEL_ORDER, ordinal, PENDING_TOTAL, RATE_COMPUTED_BY } from "./words";

/**
 * 绩效目标完成情况, indicator by indicator: grouped by 一级 and 二级指标 in the order Chinese
 * finance reports use (产出, 效益, 满意度, then any other), the achieved indicators of a group in
 * one sentence, each deviation in its own. Every number is the form's text or the engine's result.
 */
export type Standing = "met" | "partial" | "failed" | "pending";

/**
 * Fully met, partly met, not met, or not judged (a manual or unscored indicator). The level words
 * follow the rules (issue 21): a row at full marks or with a ratio of 100% or more is met (a cost
 * under its ceiling is a negative row with A ÷ B ≥ 1; an over-achieved row), even where the
 * engine still owes a deviation reason for it (deviations() lists those by `met`).
 */
export function standing(r: IndicatorResult): Standing {
  if (r.met === true) return "met";
  if (r.met === null) return "pending";
  const got = r.value ?? r.score;
  const share = r.ratio ?? r.completionRate;
  if (got !== null && r.weight !== null && r.weight.gt(0) && got.gte(r.weight)) return "met";
  if (share !== null && share.gte(1)) return "met";
  if (r.level === "failed" || got?.isZero() || share?.isZero()) return "failed";
  return "partial";
}

function levelRank(level1: string): number {
  const i = LEVEL_ORDER.findIndex((w) => level1.startsWith(w));
  return i < 0 ? LEVEL_ORDER.length : i;
}

/** 一级指标 → 二级指标 → indicators, each list in the form's order; 一级 sorted 产出, 效益, 满意度. */
export function groupIndicators(
  indicators: readonly IndicatorResult[]
): { level1: string; groups: { level2: string; items: IndicatorResult[] }[] }[] {
  const out: { level1: string; groups: { level2: string; items: IndicatorResult[] }[] }[] = [];
  for (const r of indicators) {
    const l1 = labelWords(r.level1) || "其他指标";
    const l2 = labelWords(r.level2) || l1;
    let top = out.find((g) => g.level1 === l1);
    if (!top) out.push((top = { level1: l1, groups: [] }));
    let group = top.groups.find((g) => g.level2 === l2);
    if (!group) top.groups.push((group = { level2: l2, items: [] }));
    group.items.push(r);
  }
  return out
    .map((g, i) => ({ g, i }))
    .sort((a, b) => levelRank(a.g.level1) - levelRank(b.g.level1) || a.i - b.i)
    .map((x) => x.g);
}

/** “name”年度指标值X，实际完成值Y，完成率Z%，得分S分（分值W分） */
export function indicatorFacts(r: IndicatorResult, form?: Form): string {
  const parts: string[] = [];
  const name = r.name ? `“${r.name}”` : "（未填指标名称）";
  parts.push(r.target ? `年度指标值${r.target}` : "未填年度指标值");
  parts.push(r.actual ? `实际完成值${r.actual}` : "未填实际完成值");
  // 完成率 only where the form has the column: the rate it holds after scoring
  const shownRate = r.rateCell ? (r.rateValue ?? r.completionRate) : null;
  // a rate printed at fewer decimals is quoted as printed, the computed one beside it
  const cell = form?.indicators.find((i) => i.row === r.row)?.rate;
  if (shownRate !== null && cell && r.completionRate !== null)
    parts.push(`完成率${quotedRate(cell, r.completionRate, RATE_COMPUTED_BY.values)}`);
  else if (shownRate !== null) parts.push(`完成率${rate(shownRate)}`);
  const got = r.value ?? r.score;
  // a weight the form does not print (inferred from its scores) is named so
  const inferred = r.weightSource === "implied" ? "推定" : "";
  const weight = r.weight !== null ? `（${inferred}分值${score(r.weight)}分）` : "";
  parts.push(got !== null ? `得分${score(got)}分${weight}` : `得分${PENDING_TOTAL}${weight}`);
  return `${name}${parts.join("，")}`;
}

const VERDICT: Record<Exclude<Standing, "met">, string> = {
  partial: "部分达成目标",
  failed: "未达成目标",
  pending: "完成情况待人工评判",
};

/** “name”（得分9.1分，分值10分） */
function scoreOnly(r: IndicatorResult): string {
  const name = r.name ? `“${r.name}”` : "（未填指标名称）";
  const got = r.value ?? r.score;
  const weight = r.weight !== null ? `，分值${score(r.weight)}分` : "";
  return got !== null ? `${name}（得分${score(got)}分${weight}）` : name;
}

/**
 * The docked rows grouped by score and weight (issue 21: length): 得9分（分值10分）的“a”、“b”；
 * a score or weight of its own reads as before, “c”（得分8.5分，分值10分）.
 */
function dockedGroups(rows: readonly IndicatorResult[]): string {
  const groups = new Map<string, IndicatorResult[]>();
  for (const r of rows) {
    const got = r.value ?? r.score;
    const key = got !== null && r.weight !== null ? `${score(got)}/${score(r.weight)}` : "";
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups]
    .map(([key, list]) => {
      if (key === "" || list.length === 1) return list.map(scoreOnly).join("、");
      const [got, weight] = key.split("/");
      const names = list.map((r) => (r.name ? `“${r.name}”` : "（未填指标名称）")).join("、");
      const inferred = list.some((r) => r.weightSource === "implied") ? "推定" : "";
      return `得${got}分（${inferred}分值${weight}分）的${list.length}项：${names}`;
    })
    .join("；");
}

/** Met and at full marks (or without a weight to be short of): said in one sentence, not recited. */
function fullyMet(r: IndicatorResult): boolean {
  const got = r.value ?? r.score;
  return standing(r) === "met" && (got === null || r.weight === null || got.gte(r.weight));
}

/**
 * 绩效目标完成情况 (issue 21): the fully met indicators in one sentence, counted by 一级指标;
 * then one paragraph per 一级指标 that has any other row, each such row with its facts in full.
 */
export function indicatorBlocks(result: FormResult, form?: Form): Block[] {
  const blocks: Block[] = [];
  const grouped = groupIndicators(result.indicators);
  const met = grouped
    .map((top) => ({
      level1: top.level1,
      n: top.groups.reduce((k, g) => k + g.items.filter(fullyMet).length, 0),
    }))
    .filter((x) => x.n > 0);
  const metCount = met.reduce((k, x) => k + x.n, 0);
  if (metCount > 0) {
    const all = metCount === result.indicators.length;
    const by = met.map((x) => `${x.level1}${x.n}项`).join("、");
    blocks.push({
      kind: "paragraph",
      runs: [
        text(
          all
            ? `${result.indicators.length}项绩效指标（${by}）均已达成年度指标值，得满分。`
            : `${result.indicators.length}项绩效指标中，${metCount}项（${by}）已达成年度指标值，得满分。`
        ),
      ],
    });
  }
  // met but docked (a qualitative 有效提升 given 9.1 of 10): named with its score, in one sentence
  const docked = result.indicators.filter((r) => !fullyMet(r) && standing(r) === "met");
  if (docked.length > 0)
    blocks.push({
      kind: "paragraph",
      runs: [text(`已达成目标但未得满分的指标${docked.length}项：${dockedGroups(docked)}。`)],
    });
  let k = 0;
  for (const top of grouped) {
    const sentences: string[] = [];
    for (const g of top.groups) {
      const rest = g.items.filter((r) => standing(r) !== "met");
      if (rest.length === 0) continue;
      const lead = g.level2 === top.level1 ? "" : `${g.level2}：`;
      const own = rest.map(
        (r) => `${indicatorFacts(r, form)}，${VERDICT[standing(r) as Exclude<Standing, "met">]}。`
      );
      sentences.push(`${lead}${own.join("")}`);
    }
    if (sentences.length === 0) continue;
    const runs: Run[] = [text(`（${ordinal(k++)}）${top.level1}。${sentences.join("")}`)];
    blocks.push({ kind: "paragraph", runs });
  }
  return blocks;
}
