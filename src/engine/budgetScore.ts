/**
 * The budget's score (domain §3): its rate scored by the profile's budgetMethod under its weight;
 * a printed 分值 and score are checked (§4) and kept when they agree.
 */
import type Decimal from "decimal.js";
import { parseAddress } from "../address";
import { readPrinted, scoreAgrees } from "./agree";
import { Dec, ONE, ZERO } from "./decimal";
import { n, pct, roundScore } from "./format";
import { shareFromRate } from "./methods";
import type { Profile } from "./profiles";
import { promptAt } from "./prompts";
import { bracketWeight, cellText, stripSpace } from "./text";
import type { BudgetReading } from "./budget";
import { budgetRate, type BudgetRate } from "./budgetRate";
import type { BudgetResult, BudgetRow, Form, Prompt } from "./types";

export interface BudgetOutcome {
  readonly result: BudgetResult;
  /** The reading's prompts, then the rate's, the weight's and the score's. */
  readonly prompts: readonly Prompt[];
  /** The 分值 the score was computed with (the profile's, or an accepted printed one). */
  readonly acceptedWeight: Decimal | null;
}

const EMPTY: BudgetResult = {
  row: null,
  annual: null,
  executed: null,
  rate: null,
  rateStated: null,
  rateValue: null,
  weight: null,
  score: null,
  stated: null,
  value: null,
  explain: "预算表未填写",
};

/**
 * 预算执行率 and its score. `reason` gives a reason written for the money (the form-level reason
 * cell, the budget-mirror row's, or any reason cell speaking of the money); `indicatorWeights`
 * the indicators' weights on a weighted form, so that a printed 分值 of 100 − their sum is accepted.
 */
export function scoreBudget(
  form: Form,
  reading: BudgetReading,
  profile: Profile,
  indicatorWeights: Decimal | null,
  reason: () => string
): BudgetOutcome {
  const { row, annual, executed } = reading;
  if (!row) return { result: EMPTY, prompts: reading.prompts, acceptedWeight: null };
  if (!annual || annual.yuan.isZero() || !executed) {
    const explain = "预算数或执行数缺失，未计算执行率";
    return {
      result: budgetResult(row, null, explain),
      prompts: reading.prompts,
      acceptedWeight: null,
    };
  }
  const rated = budgetRate(form, row, annual, executed, profile, reason);
  const rates = { annual: annual.shown, executed: executed.shown, rated };

  // a weightless template is scored only with the national default weights, on request
  const method =
    profile.budgetMethod === "none" && profile.useDefaultWeights ? "capped" : profile.budgetMethod;
  if (method === "none") {
    const explain = rated.lowNote ? `${rated.words}；${rated.lowNote}` : rated.words;
    const prompts = [...reading.prompts, ...rated.prompts];
    return { result: budgetResult(row, rates, explain), prompts, acceptedWeight: null };
  }

  // a block without points whose indicators already add up to 100 carries none (§9)
  if (indicatorWeights?.equals(100) && blockWithoutPoints(form, row)) {
    const explain = `${rated.words}；预算执行情况未设分值，指标分值合计 100 分，预算执行不计分${rated.lowNote ? `；${rated.lowNote}` : ""}`;
    return {
      result: budgetResult(row, rates, explain, {
        weight: ZERO,
        score: ZERO,
        stated: null,
        value: ZERO,
      }),
      prompts: [...reading.prompts, ...rated.prompts],
      acceptedWeight: ZERO,
    };
  }
  const weighed = budgetWeight(form.sheet, row, profile, indicatorWeights);
  const weight = weighed.weight;
  const { share, words: shareWords } = budgetShare(method, rated.rate);
  const score = roundScore(weight.times(share), profile.decimals);
  const explain = `${rated.words}${shareWords ? `，${shareWords}` : ""}；${n(weight)} × ${pct(share)} = ${n(score)}${rated.lowNote ? `；${rated.lowNote}` : ""}`;
  const printed = printedBudgetScore(form.sheet, row, method, weight, share, score, rated, profile);
  return {
    result: budgetResult(row, rates, `${explain}${printed.note}`, {
      weight,
      score,
      stated: printed.stated,
      value: printed.value,
    }),
    prompts: [...reading.prompts, ...rated.prompts, ...weighed.prompts, ...printed.prompts],
    acceptedWeight: weight,
  };
}

/** The budget's result, every field set in one object literal. */
function budgetResult(
  row: BudgetRow,
  rates: { annual: Decimal; executed: Decimal; rated: BudgetRate } | null,
  explain: string,
  scored?: { weight: Decimal; score: Decimal; stated: Decimal | null; value: Decimal }
): BudgetResult {
  return {
    row: parseAddress(row.label.address).row,
    annual: rates?.annual ?? null,
    executed: rates?.executed ?? null,
    rate: rates?.rated.rate ?? null,
    rateCell: row.rate?.address,
    rateStated: rates?.rated.stated ?? null,
    rateValue: rates?.rated.value ?? null,
    weight: scored?.weight ?? null,
    score: scored?.score ?? null,
    stated: scored?.stated ?? null,
    value: scored?.value ?? null,
    cell: row.score?.address,
    explain,
  };
}

/** The weight (分值): the profile's, or a printed one that can be right (100 − the indicators'). */
function budgetWeight(
  sheet: string,
  row: BudgetRow,
  profile: Profile,
  indicatorWeights: Decimal | null
): { weight: Decimal; prompts: Prompt[] } {
  const weight = new Dec(
    profile.budgetMethod === "none" ? profile.defaultWeights.budget : profile.budgetWeight
  );
  const printedWeight = row.weight ? readPrinted(row.weight.value) : null;
  if (!row.weight || !printedWeight || printedWeight.value.equals(weight))
    return { weight, prompts: [] };
  const rest = indicatorWeights ? new Dec(100).minus(indicatorWeights) : null;
  if (rest && printedWeight.value.equals(rest)) return { weight: printedWeight.value, prompts: [] };
  const prompt = promptAt(
    sheet,
    row.weight.address,
    "weight-sum",
    `预算执行分值填写为 ${cellText(row.weight.value).trim()}，不能成立，按 ${n(weight)} 分计算`
  );
  return { weight, prompts: [prompt] };
}

/** No 分值 or 得分 printed in the budget block, no （N分） on its header (§9). */
export function blockWithoutPoints(form: Form, row: BudgetRow): boolean {
  const filled = (c: BudgetRow["weight"]): boolean =>
    !!c && !/^[-—/／]*$/.test(stripSpace(cellText(c.value)));
  if (filled(row.weight) || filled(row.score)) return false;
  const header = form.budget?.header;
  return !header || bracketWeight(cellText(header.value)) === null;
}

/** The share of the weight a rate earns: capped at 100%, or the deviation method below it. */
function budgetShare(method: string, rate: Decimal): { share: Decimal; words: string } {
  if (method === "deviation" && rate.lessThan(ONE)) {
    const share = Dec.max(ZERO, ONE.minus(new Dec("2.5").times(ONE.minus(rate))));
    return { share, words: `偏差法 1 − 2.5 × ${pct(ONE.minus(rate))} = ${pct(share)}` };
  }
  return { share: Dec.min(rate, ONE), words: rate.greaterThan(ONE) ? "封顶 100%" : "" };
}

/** The printed score: kept where it agrees with the exact score or with one from the printed rate. */
function printedBudgetScore(
  sheet: string,
  row: BudgetRow,
  method: string,
  weight: Decimal,
  share: Decimal,
  score: Decimal,
  rated: BudgetRate,
  profile: Profile
): { stated: Decimal | null; value: Decimal; note: string; prompts: Prompt[] } {
  const stated = row.score ? readPrinted(row.score.value) : null;
  if (row.score && stated) {
    if (scoreAgrees(stated, weight.times(share)))
      return { stated: stated.value, value: stated.value, note: "", prompts: [] };
    // a score computed from the printed rate, where that rate agrees, is right too (§4)
    const viaRate = rated.agreedPrinted
      ? shareFromRate(method === "deviation" ? "deviation" : "capped", rated.agreedPrinted, profile)
      : null;
    if (viaRate && scoreAgrees(stated, weight.times(viaRate))) {
      const note = `；填报得分 ${n(stated.value)} 按所填执行率 ${cellText(row.rate?.value).trim()} 计算（${n(weight)} × ${pct(viaRate)}），一致`;
      return { stated: stated.value, value: stated.value, note, prompts: [] };
    }
    const prompt = promptAt(
      sheet,
      row.score.address,
      "score-mismatch",
      `得分填写为 ${cellText(row.score.value).trim()}，按规则应为 ${n(score)}（${n(weight)} × ${pct(share)}）`
    );
    return { stated: stated.value, value: score, note: "", prompts: [prompt] };
  }
  const typed = row.score ? stripSpace(cellText(row.score.value)) : "";
  if (!row.score || typed === "" || /^[-—/／]+$/.test(typed))
    return { stated: null, value: score, note: "", prompts: [] };
  const prompt = promptAt(
    sheet,
    row.score.address,
    "unparseable",
    `的得分“${cellText(row.score.value).trim()}”不是数值`
  );
  return { stated: null, value: score, note: "", prompts: [prompt] };
}
