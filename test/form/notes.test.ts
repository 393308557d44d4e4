/**
 * The add-in's notes (issue 14): every note that shows a computed value other than the cell's
 * says why the cell keeps its own; no sentence twice; the box sized to its text against the
 * sheet's real row heights and column widths.
 */
import { readPrinted } from "../../src/engine/agree";
import { Dec } from "../../src/engine/decimal";
import { NOTE_MARK } from "../../src/form/plan";
import { noteAnchor, noteBox, type SheetMetrics } from "../../src/form/layout/noteBox";
import { agreementReason, keptSentence } from "../../src/form/layout/noteText";
import { scoreGrids } from "../../src/form/pipeline";
import { seedFiles, seedWorkbookSheets } from "../support/seedGrids";

const outcomes = seedFiles().flatMap((f) =>
  scoreGrids(
    seedWorkbookSheets(f).map((s) => s.grid),
    []
  )
);
const notes = outcomes.flatMap((o) => o.plan.edits.filter((e) => typeof e.set.note === "string"));

test("a kept printed number whose note computes another value says why it is kept", () => {
  const kept = outcomes.flatMap((o) =>
    o.forms.flatMap(({ result }) =>
      result.indicators
        .filter((i) => i.cell && i.score && i.value && !i.score.equals(i.value))
        .map((i) => ({ sheet: o.sheet, cell: i.cell as string, i }))
    )
  );
  expect(kept.length).toBeGreaterThan(0);
  for (const k of kept) {
    const note = notes.find((n) => n.sheet === k.sheet && n.address === k.cell)?.set.note ?? "";
    expect(note).toContain(`与计算值 ${k.i.score?.toString()} 相符（`);
    expect(note).toMatch(/），保留/);
  }
});

test("the reason names the §4 rule that makes the numbers agree", () => {
  const p = (s: string) => readPrinted(s)!;
  expect(keptSentence(p("9.84"), new Dec("9.85"))).toBe(
    "填写 9.84 与计算值 9.85 相符（截断到两位小数），保留"
  );
  expect(agreementReason(p("9.85"), new Dec("9.849"))).toBe("四舍五入到两位小数");
  expect(agreementReason(p("9.9"), new Dec("9.89"))).toBe("相差不到 0.01");
});

test("no note of the add-in says the same sentence twice", () => {
  expect(notes.length).toBeGreaterThan(100);
  for (const n of notes) {
    const mine = (n.set.note as string).split(`${NOTE_MARK}\n`)[1] ?? "";
    const lines = mine.split("\n");
    expect([n.address, lines.length]).toEqual([n.address, new Set(lines).size]);
  }
});

const uniform: SheetMetrics = { rowHeightPt: () => 15, columnWidthPx: () => 64 };

test("a note's box is as tall as its lines and as wide as its text", () => {
  const two = noteBox("【绩效自评】\n指标得分：10 × 100% = 10");
  expect(two.lines).toBe(2);
  expect(two.heightPt).toBe(2 * 12 + 16);
  const six = noteBox(Array.from({ length: 6 }, (_, i) => `第${i + 1}行`).join("\n"));
  expect(six.heightPt - two.heightPt).toBe(4 * 12);
  expect(noteBox("短").widthPt).toBe(120);
  expect(noteBox("很".repeat(100)).widthPt).toBe(300);
  expect(noteBox("很".repeat(100)).lines).toBeGreaterThan(1);
});

test("the anchor spans the rows and columns the box needs, with the sheet's real sizes", () => {
  // 2 lines: 40 pt = 53 px; rows of 15 pt (20 px) from row 4 (a row above the cell at 5)
  expect(noteAnchor(5, 2, "【绩效自评】\n得分", uniform)).toBe("3, 15, 4, 10, 5, 47, 7, 3");
  // tall rows (40 pt = 53 px): the same text needs two rows, not four
  const tall: SheetMetrics = { rowHeightPt: () => 40, columnWidthPx: () => 64 };
  const [, , top, , , , bottom] = noteAnchor(5, 2, "【绩效自评】\n得分", tall)
    .split(", ")
    .map(Number);
  expect(bottom - top).toBe(1);
});
