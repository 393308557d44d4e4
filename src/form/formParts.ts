import type { Cell, Form } from "../engine/types";
import type { IndicatorHeader } from "./indicatorHeader";
import { firstTotal, type TableRead } from "./indicatorTable";
import type { SheetView } from "./sheetView";
import { FORM_REASON, GRADE_LABEL, RULE_NOTES, matcher } from "./vocabulary";

/** The parts of a form after its indicator table: 总分 row, 等级, a form-level reason, rule notes. */
const isGrade = matcher(GRADE_LABEL);
const isFormReason = matcher(FORM_REASON);
const isRuleNotes = matcher(RULE_NOTES);

/**
 * The 总分 row: its label, weight total and printed score. A score cell merged across the row
 * (总分 | B20:G20) is read at the merge's top-left cell, where the value is and where the total is
 * written; a weight column inside that merge holds no weight of its own.
 */
export function readTotal(v: SheetView, h: IndicatorHeader, row: number): Form["total"] {
  const labelCol = firstTotal(v, row) as number;
  const labelMerge = v.merge(row, labelCol);
  const labelRight = labelMerge ? labelMerge.right : labelCol;
  const topLeft = (col: number): number => {
    const m = v.merge(row, col);
    return m && m.top <= row ? m.left : col;
  };
  let scoreCol = h.cols.score !== undefined ? topLeft(h.cols.score) : undefined;
  let weightCol = h.cols.weight !== undefined ? topLeft(h.cols.weight) : undefined;
  if (scoreCol !== undefined && scoreCol <= labelRight) scoreCol = undefined;
  if (weightCol !== undefined && (weightCol <= labelRight || weightCol === scoreCol))
    weightCol = undefined;
  let score: Cell | undefined;
  if (scoreCol !== undefined) score = v.cell(row, scoreCol);
  else {
    // a template without a score column prints the total elsewhere on the row: the last number
    // on it that is not the weight total
    for (let col = v.right; col > labelRight; col--) {
      if (col !== weightCol && !v.isEmpty(row, col)) {
        score = v.cell(row, topLeft(col));
        break;
      }
    }
  }
  return {
    label: v.cell(row, labelCol),
    weight: weightCol !== undefined ? v.cell(row, weightCol) : undefined,
    score,
  };
}

export function readGrade(v: SheetView, from: number, to: number): Cell | undefined {
  const label = v.findLabelled(from, to, isGrade);
  if (!label) return undefined;
  const at = v.valueRightOf(label.row, label.col, 2) ?? {
    row: label.row,
    col: (v.merge(label.row, label.col)?.right ?? label.col) + 1,
  };
  return v.cell(at.row, at.col);
}

export function readFormReason(v: SheetView, from: number, to: number): Cell | undefined {
  const label = v.findLabelled(from, to, isFormReason);
  if (!label) return undefined;
  return v.cell(label.row, (v.merge(label.row, label.col)?.right ?? label.col) + 1);
}

export function ruleTextIn(v: SheetView, from: number, to: number): string | undefined {
  const at = v.findLabelled(from, to, isRuleNotes);
  if (!at) return undefined;
  const lines: string[] = [];
  for (let row = at.row; row <= Math.min(to, at.row + 8); row++) {
    const texts: string[] = [];
    for (let col = v.left; col <= v.right; col++)
      if (!v.isEmpty(row, col)) texts.push(v.text(row, col));
    if (texts.length) lines.push(texts.join(" "));
  }
  return lines.join("\n");
}

export type { TableRead };
