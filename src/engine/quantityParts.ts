/** What surrounds a number in a cell: 余/多, its scale (万, 亿), its unit or measure word, /per, its direction. */
import type { Direction } from "./quantity";
import { LATIN_UNITS } from "./vocabulary";

const SCALE: Record<string, string> = { 万: "10000", 亿: "100000000", 千: "1000", 百: "100" };

/** Measure words read after a number; longer first. 元 and % are handled apart. */
const MULTI_MEASURES = [
  "个百分点",
  "个工作日",
  "工作日",
  "个月",
  "小时",
  "分钟",
  "人次",
  "户次",
  "课时",
  "学时",
  "平方米",
  "公里",
  "千米",
];
const MEASURE_CHARS =
  "期篇条稿次场个项人件套部集台份名户处册家所天年月日周秒本幅组批起首章张辆座栋间块只双对盏根米亩吨度周轮节门栏档类款集帧屏分秒";

// A negated word is the opposite direction of the word it negates (不超过 is at most although it ends
// in 超过), so the negated forms are matched first.
const AT_LEAST_NEGATED = /(不少于|不低于|不小于)$/;
const AT_MOST_NEGATED = /(不超过|不高于|不大于|不多于)$/;
const AT_LEAST_BEFORE = /(≥|>=|>|至少|超过|大于|高于|多于)$/;
const AT_MOST_BEFORE = /(≤|<=|<|低于|小于|少于|控制在)$/;
const AT_LEAST_AFTER = /^(及以上|以上)/;
// 30天内 is at most; 10条内容, 3个内部… are not
const AT_MOST_AFTER = /^(以内|以下|之内|内(?![容部涵外]))/;

/** The direction the words before and after a number give it. */
export function directionAround(before: string, tail: string): Direction {
  if (AT_LEAST_NEGATED.test(before)) return "atLeast";
  if (AT_MOST_NEGATED.test(before)) return "atMost";
  if (AT_LEAST_BEFORE.test(before) || AT_LEAST_AFTER.test(tail)) return "atLeast";
  if (AT_MOST_BEFORE.test(before) || AT_MOST_AFTER.test(tail)) return "atMost";
  return "none";
}

/** A unit in Latin letters at `i` (40TB, 12km), not followed by another letter or digit (5G, 4K stay names). */
export function latinUnitAt(rest: string, i: number): string | null {
  const c = rest.charCodeAt(i);
  if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || rest[i] === "㎡")) return null;
  const unit = LATIN_UNITS.find((u) => rest.startsWith(u, i));
  if (!unit) return null;
  return /^[A-Za-z0-9]/.test(rest.slice(i + unit.length)) ? null : unit;
}

/** The scale, approximation, unit and per-unit written right after a number. */
export function readUnit(rest: string): {
  scale: string | null;
  approx: boolean;
  unit: string;
  per: string | null;
  length: number;
} {
  let i = 0;
  let approx = false;
  let scale: string | null = null;
  if (rest[i] === "余" || rest[i] === "多") {
    approx = true;
    i++;
  }
  if (rest[i] && SCALE[rest[i]] && !rest.startsWith("千米", i) && !rest.startsWith("百分", i)) {
    scale = SCALE[rest[i]];
    i++;
  }
  if (!approx && (rest[i] === "余" || rest[i] === "多")) {
    approx = true;
    i++;
  }
  let unit = "";
  if (rest[i] === "%") {
    unit = "%";
    i++;
  } else if (rest[i] === "元") {
    unit = "元";
    i++;
  } else if (latinUnitAt(rest, i)) {
    unit = latinUnitAt(rest, i) as string;
    i += unit.length;
  } else {
    const multi = MULTI_MEASURES.find((w) => rest.startsWith(w, i));
    if (multi) {
      unit = multi === "个工作日" ? "工作日" : multi;
      i += multi.length;
    } else if (rest[i] && MEASURE_CHARS.includes(rest[i])) {
      unit = rest[i];
      i++;
    }
  }
  let per: string | null = null;
  const perMatch = /^\/(个工作日|工作日|[\u4e00-\u9fff])/.exec(rest.slice(i));
  if (perMatch && unit !== "%") {
    per = perMatch[1];
    i += perMatch[0].length;
  }
  return { scale, approx, unit, per, length: i };
}
