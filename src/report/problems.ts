/**
 * 存在的问题 of one project (issue 21), placed at the end of 四、偏差原因分析及改进措施 as the units'
 * own reports place it: budget execution below the profile's lowExecution (with its rate), the
 * deviations the engine found without a reason (indicator and cell), and the hand errors found
 * (score, total, rate: printed against computed). Every figure is the engine's; a project with
 * none of these says so in one sentence. Pure.
 */
import Decimal from "decimal.js";
import { isProfileId, PROFILES } from "../engine/profiles";
import type { FormResult, Prompt } from "../engine/types";
import { rate, score } from "./format";
import { text, type Block } from "./model";
import { NO_PROBLEMS, ordinal, PROBLEM_LEAD } from "./words";

const para = (t: string): Block => ({ kind: "paragraph", runs: [text(t)] });
const where = (p: Prompt): string => `（${p.sheet}!${p.cell}）`;
const named = (name: string): string => (name ? `“${name}”` : "（未填指标名称）");

function lowExecution(result: FormResult): string | null {
  const b = result.budget;
  if (!b || b.rate === null || !isProfileId(result.profile)) return null;
  const floor = new Decimal(PROFILES[result.profile].lowExecution);
  return b.rate.lessThan(floor)
    ? `预算执行率为${rate(b.rate)}，低于${rate(floor)}，预算执行偏低。`
    : null;
}

function missingReason(result: FormResult, p: Prompt): string {
  const row = Number(/\d+$/.exec(p.cell)?.[0]);
  const r = result.indicators.find((i) => i.row === row);
  if (r) return `${named(r.name)}存在偏差，未填写偏差原因${where(p)}。`;
  // the form's one reason cell left empty: the rows the engine's prompt names
  const rows = result.indicators.filter(
    (i) => i.met === false && p.message.includes(`“${i.name}”`)
  );
  const list = rows.length ? rows.map((i) => named(i.name)).join("、") : "部分指标";
  return `${list}存在偏差，表中偏差原因分析未填写${where(p)}。`;
}

/** A hand error as printed against computed, from the result entity the prompt stands on. */
function handError(result: FormResult, p: Prompt): string {
  const b = result.budget;
  if (p.kind === "total-mismatch" && result.statedTotal !== null && result.total !== null)
    return `总分填写为${score(result.statedTotal)}分，按规则计算为${score(result.total)}分${where(p)}。`;
  if (b && p.cell === b.rateCell && b.rateStated !== null && b.rate !== null)
    return `预算执行率填写为${rate(b.rateStated)}，按金额计算为${rate(b.rate)}${where(p)}。`;
  if (b && p.cell === b.cell && b.stated !== null && b.score !== null)
    return `预算执行率得分填写为${score(b.stated)}分，按规则计算为${score(b.score)}分${where(p)}。`;
  for (const r of result.indicators) {
    if (p.cell === r.rateCell && r.rateStated !== null && r.completionRate !== null)
      return `${named(r.name)}完成率填写为${rate(r.rateStated)}，按规则计算为${rate(r.completionRate)}${where(p)}。`;
    if (p.cell === r.cell && r.stated !== null && r.score !== null)
      return `${named(r.name)}得分填写为${score(r.stated)}分，按规则计算为${score(r.score)}分${where(p)}。`;
  }
  // no computed figure to set beside (a total pending): the engine's own sentence, its cell last
  return `${p.message.replace(`${p.sheet}!${p.cell}`, "").replace(/\s+/g, "")}${where(p)}。`;
}

const HAND_ERRORS = new Set(["score-mismatch", "total-mismatch", "rate-mismatch"]);

export function problemBlocks(result: FormResult): Block[] {
  const lines: string[] = [];
  const low = lowExecution(result);
  if (low) lines.push(low);
  for (const p of result.prompts)
    if (p.kind === "deviation-reason-missing") lines.push(missingReason(result, p));
  for (const p of result.prompts) if (HAND_ERRORS.has(p.kind)) lines.push(handError(result, p));
  if (lines.length === 0) return [para(NO_PROBLEMS)];
  // one paragraph, 一是…；二是…。 as the units' own reports write their problems
  const items = lines.map((l, i) => `${ordinal(i)}是${l.replace(/。$/, "")}`);
  return [para(`${PROBLEM_LEAD}${items.join("；")}。`)];
}
