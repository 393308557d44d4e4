/** What one indicator row scores under its weight (domain §3–§4), and the prompts it raises. */
import Decimal from "decimal.js";
import { scoreAgrees } from "./agree";
import type { Evaluation } from "./evaluation";
import { n, pct, roundScore } from "./format";
import type { Profile } from "./profiles";
import { promptAt } from "./prompts";
import { band, bandWords, defaultShare, inBand, LEVEL_NAMES } from "./qualitative";
import { isNotApplicable } from "./text";
import type { Form, IndicatorResult, Prompt, QualitativeLevel } from "./types";
import type { RowWeight } from "./weights";
import { firstCell, isBlank, text, type RowState } from "./rowState";
import {
  judgedByAccountant,
  overshootCheck,
  scoreFromPrintedRate,
  type RowRate,
} from "./rowChecks";

export interface RowOutcome {
  readonly method: IndicatorResult["method"];
  readonly score: Decimal | null;
  readonly stated: Decimal | null;
  readonly value: Decimal | null;
  readonly explain: string;
  readonly prompts: readonly Prompt[];
}

/** A weighted row being scored: the row, its weight, the printed score and the notes so far. */
interface Weighed {
  readonly sheet: string;
  readonly profile: Profile;
  readonly s: RowState;
  readonly weight: Decimal;
  readonly stated: Decimal | null;
  readonly notes: readonly string[];
  readonly promptCell: string;
}

/** The row's method, score and explanation under its weight; the prompts it raises, in order. */
export function rowOutcome(
  form: Form,
  profile: Profile,
  s: RowState,
  w: RowWeight,
  scoring: boolean,
  rate: RowRate
): RowOutcome {
  const sheet = form.sheet;
  const { row, ev } = s;
  const lead = rowNotes(form, profile, s, w);
  if (s.satisfactionLeftOut) {
    return {
      method: "unscored",
      score: null,
      stated: null,
      value: null,
      explain: "满意度指标未填报，按湖北备注4不作为必评指标，不计入总分",
      prompts: lead.prompts,
    };
  }
  const stated = s.printed?.value ?? null;
  const prompts = [...lead.prompts];
  const unreadableScore =
    row.score && !isBlank(row.score) && !s.printed && !isNotApplicable(text(row.score));
  if (unreadableScore && row.score)
    prompts.push(
      promptAt(sheet, row.score.address, "unparseable", `的得分“${text(row.score)}”不是数值`)
    );
  const notes = lead.notes;
  const join = (...words: string[]): string => [...notes, ...words].join("；");

  if (!scoring) {
    const words = ev.share ? ev.share.words : ev.level ? `判为${LEVEL_NAMES[ev.level]}` : "";
    const explain = [...notes, words].filter(Boolean).join("；");
    return { method: ev.method, score: null, stated, value: stated, explain, prompts };
  }
  if (w.weight === null && w.unreadable) {
    // a weight cell holding text (待定, 见附件, #REF!): the accountant scores it; their score counts
    const kept = stated !== null ? `，保留填报得分 ${n(stated)}` : "";
    const explain = join(`分值“${text(row.weight)}”不是数值，需人工评分${kept}`);
    return { method: "manual", score: null, stated, value: stated, explain, prompts };
  }
  if (w.weight === null) {
    const cell = row.weight?.address ?? row.name.address;
    prompts.push(promptAt(sheet, cell, "unscored", `指标“${text(row.name)}”没有分值，未评分`));
    const explain = join("没有分值，未评分");
    return { method: "unscored", score: null, stated, value: null, explain, prompts };
  }
  if (ev.method === "manual") {
    const explain = join(stated !== null ? `需人工评分，保留填报得分 ${n(stated)}` : "需人工评分");
    return { method: "manual", score: null, stated, value: stated, explain, prompts };
  }
  const weighed: Weighed = {
    sheet,
    profile,
    s,
    weight: w.weight,
    stated,
    notes,
    promptCell: lead.promptCell,
  };
  const outcome =
    ev.method === "qualitative" && ev.level
      ? qualitativeOutcome(weighed, ev.level)
      : quantitativeOutcome(weighed, rate);
  const { method, score, value, explain } = outcome;
  return { method, score, stated, value, explain, prompts: [...prompts, ...outcome.prompts] };
}

/** The notes every row carries and the prompts it raises whatever its weight. */
function rowNotes(
  form: Form,
  profile: Profile,
  s: RowState,
  w: RowWeight
): { notes: string[]; prompts: Prompt[]; promptCell: string } {
  const sheet = form.sheet;
  const { row, ev } = s;
  const promptCell = row.actual?.address ?? row.name.address;
  const notes: string[] = [];
  const prompts: Prompt[] = [];
  if (s.correction) notes.push(s.correction);
  if (row.shift) {
    const shift = `所在行比表头错开 ${Math.abs(row.shift)} 列，已按错位读取，不向该行写入`;
    prompts.push(promptAt(sheet, firstCell(row), "layout-shift", shift));
  }
  if (w.note) notes.push(w.note);
  notes.push(ev.why, ...ev.notes);
  for (const p of ev.prompts) {
    if (p.unlessScored && judgedByAccountant(s, w)) {
      notes.push(p.message.replace(/，请人工评分$/, ""));
      continue;
    }
    const cell = p.onTarget && row.target ? row.target.address : promptCell;
    prompts.push(promptAt(sheet, cell, p.kind, p.message));
  }
  const overshoot = overshootCheck(form, profile, s);
  if (overshoot.note) notes.push(overshoot.note);
  if (overshoot.prompt) prompts.push(overshoot.prompt);
  return { notes, prompts, promptCell };
}

/** A judged level: a printed score inside the level's band is kept, else the band's default share. */
function qualitativeOutcome(x: Weighed, level: QualitativeLevel): RowOutcome {
  const { sheet, profile, s, weight, stated, notes } = x;
  const { row, ev } = s;
  const b = band(level, profile);
  const words = bandWords(level, profile);
  if (stated !== null && inBand(stated, weight, level, profile)) {
    const explain = [...notes, `${words}，填报得分 ${n(stated)} 在区间内，保留`].join("；");
    return { method: "qualitative", score: stated, stated, value: stated, explain, prompts: [] };
  }
  const share = defaultShare(level, profile);
  const score = roundScore(weight.times(share), profile.decimals);
  const explain = [...notes, `${words}，${n(weight)} × ${pct(share)} = ${n(score)}`].join("；");
  const prompts: Prompt[] = [];
  if (stated !== null && row.score) {
    const range = `${n(weight.times(b.min))}–${n(weight.times(b.max))}`;
    prompts.push(
      promptAt(
        sheet,
        row.score.address,
        "score-mismatch",
        `得分填写为 ${text(row.score)}，不在“${LEVEL_NAMES[level]}”的区间 ${range} 内，按规则应为 ${n(score)}`
      )
    );
  } else if (
    stated === null &&
    !ev.sameText &&
    !ev.prompts.some((p) => p.kind === "deadline-missed")
  ) {
    // a level read from dates (done, late) is a rule, not a judgement: deadline-missed says it
    const cell = row.score?.address ?? x.promptCell;
    prompts.push(
      promptAt(
        sheet,
        cell,
        "qualitative-judgement",
        `实际“${text(row.actual)}”判为${LEVEL_NAMES[level]}，暂按 ${n(score)} 分，请确认`
      )
    );
  }
  return { method: "qualitative", score, stated, value: score, explain, prompts };
}

/** A measured row: weight × the method's share; a printed score is kept where it agrees (§4). */
function quantitativeOutcome(x: Weighed, rate: RowRate): RowOutcome {
  const { sheet, profile, s, weight, stated } = x;
  const { row, ev } = s;
  const notes = [...x.notes];
  const prompts: Prompt[] = [];
  const share = ev.share as NonNullable<Evaluation["share"]>;
  const exact = weight.times(share.share);
  const score = roundScore(exact, profile.decimals);
  let value = score;
  if (stated !== null && row.score) {
    const printed = s.printed as NonNullable<RowState["printed"]>;
    if (scoreAgrees(printed, exact)) {
      value = stated;
      // measured against the unrounded value (§9): 2.16 printed for 2.1548 agrees
      if (!stated.equals(score))
        notes.push(
          `填报得分 ${n(stated)} 与未舍入的计算值 ${n(exact.toDecimalPlaces(4, Decimal.ROUND_HALF_UP))} 相差不到 0.01，一致，保留`
        );
    } else {
      // a score from the printed 完成率 is looked for only where the score does not agree
      const fromRate = scoreFromPrintedRate(ev, share, weight, rate, profile);
      if (fromRate && scoreAgrees(printed, fromRate.exact)) {
        value = stated;
        notes.push(
          `填报得分 ${n(stated)} 按所填完成率 ${text(row.rate)} 计算（${n(weight)} × ${pct(fromRate.share)}），一致`
        );
      } else
        prompts.push(
          promptAt(
            sheet,
            row.score.address,
            "score-mismatch",
            `得分填写为 ${text(row.score)}，按规则应为 ${n(score)}（${n(weight)} × ${pct(share.share)}）`
          )
        );
    }
  }
  const explain = [
    ...notes,
    `${methodName(ev.method)} ${share.words}，${n(weight)} × ${pct(share.share)} = ${n(score)}`,
  ].join("；");
  return { method: ev.method, score, stated, value, explain, prompts };
}

/** The Chinese name of a quantitative method, as the explanations say it. */
export function methodName(m: string): string {
  return m === "positive"
    ? "正向指标"
    : m === "negative"
      ? "反向指标"
      : m === "deviation"
        ? "偏差法"
        : m;
}
