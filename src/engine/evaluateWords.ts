/** Actuals read as words (domain §2): a stated completion, a level word, a deadline kept or missed. */
import type Decimal from "decimal.js";
import { Dec } from "./decimal";
import { quote } from "./prompts";
import { compareDays, lastDay, type Day } from "./dates";
import type { Profile } from "./profiles";
import type { Reading } from "./quantity";
import { normalizeValueText } from "./valueText";
import { judgeWords, LEVEL_NAMES, levelOfRatio } from "./qualitative";
import { pct } from "./format";
import { stripSpace } from "./text";
import { MEASURED_RATE_NAME, STATED_COMPLETION } from "./vocabulary";
import { manual, qualitative, type Evaluation, type IndicatorInput } from "./evaluation";

const DEADLINE_WORDS = /按时|按期|如期|已完成|按进度完成|完成|及时/;
const MAY_STATE_COMPLETION = /达成|达到|完成/;

/** 达成预期目标80%, 完成率95%, 完成目标的80% → 0.8, 0.95, 0.8. */
export function statedCompletion(actual: string): { ratio: Decimal; text: string } | null {
  if ((!actual.includes("%") && !actual.includes("％")) || !MAY_STATE_COMPLETION.test(actual))
    return null;
  const m = STATED_COMPLETION.exec(normalizeValueText(actual));
  const digits = m ? (m[1] ?? m[2] ?? m[3]) : undefined;
  if (!digits) return null;
  return { ratio: new Dec(digits).dividedBy(100), text: `${digits}%` };
}

/** A level word in the actual, or the accountant judges the row. */
export function judgeActualWords(actualText: string, why: string): Evaluation {
  const judged = judgeWords(actualText);
  if (!judged) {
    return manual(`${why}；实际值${quote(actualText)}中没有可判断等级的词`, [
      {
        kind: "qualitative-judgement",
        message: `实际值${quote(actualText)}无法判断达成等级，请人工评分`,
        unlessScored: true,
      },
    ]);
  }
  return qualitative(
    judged.level,
    `${why}，定性指标：“${judged.word}”判为${LEVEL_NAMES[judged.level]}`
  );
}

/**
 * A bare completion percentage (100%) against a words or deadline target (§2): 100% is achieved,
 * a lower one is judged by its ratio as 按评判等级赋分 judges numbers. Null when the actual is not a
 * lone percentage.
 */
export function percentDone(
  actual: Reading,
  why: string,
  profile: Profile,
  name: string
): Evaluation | null {
  if (actual.quantities.length !== 1 || stripSpace(actual.words) !== "") return null;
  const q = actual.quantities[0];
  if (q.unit !== "%" || q.direction !== "none") return null;
  const level = levelOfRatio(q.value, profile);
  // below 100%, a rate or satisfaction named row measures a value, not its completion (满意度 95%)
  if (level !== "achieved" && MEASURED_RATE_NAME.test(stripSpace(name))) return null;
  return qualitative(level, `${why}，实际完成 ${pct(q.value)}，判为${LEVEL_NAMES[level]}`);
}

/** A bare month actual (10月) is that month of the form's year: its last day (§2). */
function bareMonth(actual: Reading): Day | null {
  if (actual.quantities.length !== 1 || stripSpace(actual.words) !== "") return null;
  const q = actual.quantities[0];
  const m = Number(q.digits);
  if (q.unit !== "月" || !Number.isInteger(m) || m < 1 || m > 12 || q.scale.toNumber() !== 1)
    return null;
  return { y: null, m, d: lastDay(null, m) };
}

/** A target that is a deadline (a date, a day of each month) against the actual. */
export function deadline(
  target: Reading,
  actual: Reading,
  input: IndicatorInput,
  profile: Profile
): Evaluation {
  const due = target.date;
  const actualDate = actual.date ?? bareMonth(actual);
  const why = "目标为期限";
  const missed = {
    kind: "deadline-missed" as const,
    message: `实际${quote(input.actual)}晚于期限${quote(input.target)}`,
  };
  if (target.recurringDay !== null && actual.recurringDay !== null) {
    if (!actual.recurringLate && actual.recurringDay <= target.recurringDay)
      return qualitative("achieved", `${why}，每月期限内完成`);
    // 偶有次月10日后: late now and then is partial where the words say so
    const judged = judgeWords(input.actual);
    const level = judged && judged.level !== "achieved" ? judged.level : "partial";
    return qualitative(
      level,
      `${why}，实际晚于每月期限${judged ? `，“${judged.word}”判为${LEVEL_NAMES[level]}` : ""}`,
      { prompts: [missed] }
    );
  }
  if (actualDate && due) {
    if (compareDays(actualDate, due) <= 0)
      return qualitative("achieved", `${why}，实际日期在期限之内`);
    // done, late: 部分达成 (domain §2)
    return qualitative("partial", `${why}，实际日期晚于期限，逾期完成`, { prompts: [missed] });
  }
  if (DEADLINE_WORDS.test(stripSpace(input.actual))) {
    const judged = judgeWords(input.actual);
    if (judged && judged.level !== "achieved")
      return qualitative(judged.level, `${why}，“${judged.word}”判为${LEVEL_NAMES[judged.level]}`);
    return qualitative("achieved", `${why}，实际${quote(input.actual)}按时完成`);
  }
  return percentDone(actual, why, profile, input.name) ?? judgeActualWords(input.actual, why);
}
