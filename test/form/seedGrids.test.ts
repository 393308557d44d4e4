/**
 * The seed layouts (test/support/seedGrids.ts): every one of the 75 seed tables is on a sheet of
 * its workbook with what the extraction holds, in the template's cells, merged as the originals.
 * Each table is looked for in the sheet by its texts, not through the builder's own bookkeeping.
 */
import type { CellScalar } from "../../src/engine/types";
import { parseRange } from "../../src/address";
import {
  loadSeedTables,
  seedFiles,
  seedTableGrid,
  seedWorkbookSheets,
  sheetName,
  tableId,
  typedValue,
  type SeedSheet,
  type SeedTableJson,
} from "../support/seedGrids";

const sheetsBySeed = new Map(seedFiles().map((f) => [f, seedWorkbookSheets(f)]));
const allTables = seedFiles().flatMap((f) => loadSeedTables(f));

/** What Excel shows for a cell: a typed number back to the text the seed prints. */
function shown(value: CellScalar, format: string | undefined): string {
  if (typeof value !== "number") return value === null ? "" : String(value);
  const pct = /^0(?:\.(0+))?%$/.exec(format ?? "");
  if (pct) return `${(value * 100).toFixed(pct[1]?.length ?? 0)}%`;
  return String(value);
}

class SheetView {
  constructor(readonly s: SeedSheet) {}
  get rows(): CellScalar[][] {
    return this.s.layout.rows;
  }
  text(r: number, c: number): string {
    return shown(this.rows[r - 1]?.[c - 1] ?? "", this.s.layout.numberFormats[r - 1]?.[c - 1]);
  }
  rowTexts(r: number): string[] {
    return (this.rows[r - 1] ?? []).map((_, c) => this.text(r, c + 1));
  }
  /** The merge covering (r, c), if any. */
  mergeAt(r: number, c: number): ReturnType<typeof parseRange> | undefined {
    return this.s.layout.merges
      .map(parseRange)
      .find((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right);
  }
  /** What (r, c) shows: its own text, or the text of the merge it lies in. */
  shownAt(r: number, c: number): string {
    const m = this.mergeAt(r, c);
    return m ? this.text(m.top, m.left) : this.text(r, c);
  }
}

/** The sheet holding a table, and the rows of its form (top..bottom) found by its title and project. */
function locate(t: SeedTableJson): { view: SheetView; top: number; bottom: number } {
  const sheets = sheetsBySeed.get(t.seed)!;
  for (const s of sheets) {
    const form = s.layout.forms.find((f) => f.id === tableId(t));
    if (form) return { view: new SheetView(s), top: form.top, bottom: form.bottom };
  }
  throw new Error(`${tableId(t)} is on no sheet`);
}

const norm = (s: string | null | undefined): string => (s ?? "").trim();

describe("the 75 seed tables laid out as sheets", () => {
  test("five workbooks: 000 on one sheet, one form a tab for 001–004", () => {
    expect(allTables).toHaveLength(75);
    const counts = [...sheetsBySeed.entries()].map(([f, sheets]) => [f.slice(0, 3), sheets.length]);
    expect(counts).toEqual([
      ["000", 1],
      ["001", 3],
      ["002", 16],
      ["003", 34],
      ["004", 14],
    ]);
    const stacked = sheetsBySeed.get(seedFiles()[0])![0].layout.forms;
    expect(stacked.map((f) => f.id)).toEqual([
      "000#0",
      "000#1",
      "000#2",
      "000#3",
      "000#4",
      "000#5",
      "000#6",
      "000#7",
    ]);
    // blank rows between the stacked forms
    const view = new SheetView(sheetsBySeed.get(seedFiles()[0])![0]);
    for (let i = 1; i < stacked.length; i++) {
      expect(stacked[i].top).toBeGreaterThan(stacked[i - 1].bottom + 1);
      for (let r = stacked[i - 1].bottom + 1; r < stacked[i].top; r++)
        expect(view.rowTexts(r).join("")).toBe("");
    }
  });

  test("sheet names are legal in Excel, at most 31 characters, unique per workbook", () => {
    for (const sheets of allSheets()) {
      const names = sheets.map((s) => s.sheet);
      expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
      for (const n of names) {
        expect(n.length).toBeGreaterThan(0);
        expect(n.length).toBeLessThanOrEqual(31);
        expect(n).not.toMatch(/[:\\/?*[\]]|^'|'$/);
      }
    }
    const used = new Set<string>();
    expect(sheetName("a/b:c", used)).toBe("a_b_c");
    expect(sheetName("a/b:c", used)).toBe("a_b_c(2)");
    expect(sheetName("x".repeat(40), used)).toHaveLength(31);
    expect(sheetName("x".repeat(40), used)).toBe(`${"x".repeat(28)}(2)`);
  });

  test("merges never overlap and lie inside the grid; grids are rectangular", () => {
    for (const sheets of allSheets()) {
      for (const { layout, sheet } of sheets) {
        const width = layout.rows[0].length;
        for (const row of layout.rows) expect(row).toHaveLength(width);
        expect(layout.numberFormats.map((r) => r.length)).toEqual(layout.rows.map(() => width));
        const seen = new Set<string>();
        for (const m of layout.merges) {
          const r = parseRange(m);
          expect([sheet, r.bottom <= layout.rows.length && r.right <= width]).toEqual([
            sheet,
            true,
          ]);
          for (let i = r.top; i <= r.bottom; i++)
            for (let j = r.left; j <= r.right; j++) {
              expect(seen.has(`${i},${j}`)).toBe(false);
              seen.add(`${i},${j}`);
              // only the first cell of a merged area holds a value
              if (i !== r.top || j !== r.left) expect(layout.rows[i - 1][j - 1]).toBe("");
            }
        }
      }
    }
  });

  test.each(allTables.map((t) => [tableId(t), t] as const))(
    "%s is on its sheet with its texts, values and merges",
    (_id, t) => {
      const { view, top, bottom } = locate(t);
      const rowsOfForm = Array.from({ length: bottom - top + 1 }, (_, i) => top + i);
      const findRow = (pred: (texts: string[]) => boolean, from = top): number => {
        const r = rowsOfForm.find((n) => n >= from && pred(view.rowTexts(n)));
        if (r === undefined) throw new Error(`${tableId(t)}: row not found after ${from}`);
        return r;
      };

      // title, year and subtitle lines, the project
      findRow((x) => x.includes(t.title_line));
      if (t.meta.year_line) findRow((x) => x.includes(t.meta.year_line!));
      if (t.meta.subtitle_line) findRow((x) => x.includes(t.meta.subtitle_line!));
      if (t.project) findRow((x) => x.includes(t.project!));

      // the budget block: its header texts exactly as printed, then each row's label with its values
      let r = top;
      if (t.meta.budget_columns) {
        r = findRow((x) => t.meta.budget_columns!.every((h) => x.includes(h)));
        const cols = t.meta.budget_columns.map((h) => view.rowTexts(r).indexOf(h));
        expect(cols).toEqual([...cols].sort((a, b) => a - b)); // in the order printed
      }
      for (const br of t.budget?.rows ?? []) {
        const labels = br.label.includes("/")
          ? br.label.split("/").map((s) => ` ${s}`)
          : [br.label];
        r = findRow((x) => labels.every((l) => x.includes(l)), r);
        const texts = view.rowTexts(r);
        for (const key of ["initial", "annual", "executed", "weight", "rate", "score"] as const) {
          const v = br[key];
          // Hubei's budget weight is the （20分） of the header, not a cell
          if (v !== null && !(t.layout === "wuhan-20-80" && key === "weight"))
            expect([key, texts.includes(v)]).toEqual([key, true]);
        }
      }

      // the indicator table's header row: meta.columns exactly as printed, in order
      const columns = t.meta.columns ?? [];
      const header = findRow((x) => columns.every((h) => x.includes(h)), r);
      const headerTexts = view.rowTexts(header);
      const colOf = (h: string): number => headerTexts.indexOf(h) + 1;
      expect(columns.map(colOf)).toEqual(columns.map(colOf).sort((a, b) => a - b));
      const l1 = colOf(columns.find((h) => h.replace(/\s/g, "") === "一级指标")!);
      const l2 = colOf(columns.find((h) => h.replace(/\s/g, "") === "二级指标")!);
      const l3 = colOf(columns.find((h) => h.replace(/\s/g, "") === "三级指标")!);

      // every indicator, in order, with its level cells (merged from above where filled_from_above)
      let row = header;
      t.indicators.forEach((ind, i) => {
        const key = ind.level3 !== "" ? ind.level3 : ind.target;
        row = findRow((x) => x.includes(key!), row + 1);
        const shift = Number(/row shifted ([+-]\d+)/.exec(ind.cell_note ?? "")?.[1] ?? 0);
        const texts = view.rowTexts(row);
        // Hubei's indicator weights are the （N分） in the names, not cells
        const weight = t.layout === "wuhan-20-80" ? null : ind.weight;
        for (const v of [
          ind.target,
          ind.actual,
          weight,
          ind.score,
          ind.completion_rate,
          ind.rule,
          ind.deviation,
          ...Object.values(ind.extra ?? {}),
        ])
          if (v !== null) expect([i, v, texts.includes(v)]).toEqual([i, v, true]);
        const filled = ind.filled_from_above ?? [];
        for (const [level, col] of [
          ["level1", l1],
          ["level2", l2],
        ] as const) {
          if (filled.includes(level)) {
            // an empty cell inside a merge that starts above it and shows the level text
            expect(view.text(row, col)).toBe("");
            const m = view.mergeAt(row, col);
            expect([i, level, m && m.top < row && m.left === col && m.right === col]).toEqual([
              i,
              level,
              true,
            ]);
            expect(view.shownAt(row, col)).toBe(ind[level]);
          } else {
            expect([i, level, view.text(row, col + shift)]).toEqual([i, level, ind[level]]);
            const m = view.mergeAt(row, col + shift);
            if (m) expect(m.top).toBe(row); // a level cell of its own starts its merge
          }
        }
        // 004#10: a blank level 3 belongs to the level-3 cell above
        if (ind.level3 === "")
          expect(view.shownAt(row, l3)).toBe(
            t.indicators
              .slice(0, i)
              .reverse()
              .find((x) => x.level3 !== "")!.level3
          );
      });

      // the 总分 row: the weight total and the total as stated
      if (t.total_stated !== null) {
        const total = findRow((x) => x.includes("总分"), row + 1);
        expect(view.rowTexts(total)).toContain(t.total_stated);
        if (t.meta.total_weight_stated)
          expect(view.rowTexts(total)).toContain(t.meta.total_weight_stated);
      }

      // Hubei: one reason cell for the whole form, the improvement plan, 备注 1–4
      if (t.layout === "wuhan-20-80") {
        const reason = findRow((x) => x.includes("偏差大或\n目标未完成\n原因分析"), row + 1);
        expect(view.text(reason, 2)).toBe(t.deviation_text ?? "");
        const plan = findRow((x) => x.includes("改进措施及\n结果应用方案"), reason);
        expect(view.text(plan, 2)).toBe(t.improvement_text ?? "");
        const notes = findRow((x) => x.includes("备注："), plan);
        // 备注 1–4 as printed; 002#12 and 002#13 print 1–2 only
        const printed = ["002#12", "002#13"].includes(tableId(t)) ? 2 : 4;
        for (let n = 1; n <= printed; n++)
          expect(view.text(notes + n, 1)).toMatch(new RegExp(`^${n}\\.`));
        expect(notes + printed).toBe(bottom);
      }
    }
  );

  test("Fengtai's 填报注意事项 is printed once, after the first table of seed 004", () => {
    const sheets = sheetsBySeed.get(seedFiles()[4])!;
    const withNotes = sheets.filter((s) =>
      s.layout.rows.some((row) => row.includes("填报注意事项："))
    );
    expect(withNotes.map((s) => s.layout.forms[0].id)).toEqual(["004#0"]);
    const rows = withNotes[0].layout.rows;
    const at = rows.findIndex((row) => row[0] === "填报注意事项：");
    expect(rows.slice(at + 1, at + 5).map((row) => String(row[0]).slice(0, 2))).toEqual([
      "1.",
      "2.",
      "3.",
      "4.",
    ]);
    expect(rows.slice(0, at).some((row) => row[0] === "总分")).toBe(true); // after the table
  });

  test("Renhe 2023 quirks: 000#1's budget one column left, 其他资金 in column A, 满意度 rows left, 000#5's 时效 row right", () => {
    const view = new SheetView(sheetsBySeed.get(seedFiles()[0])![0]);
    const rowOf = (from: number, pred: (x: string[]) => boolean): number => {
      for (let r = from; r <= view.rows.length; r++) if (pred(view.rowTexts(r))) return r;
      throw new Error("not found");
    };
    const forms = view.s.layout.forms;
    const budgetHeader = (i: number): string[] =>
      view.rowTexts(rowOf(forms[i].top, (x) => x.includes("全年预算数")));
    expect(budgetHeader(0).indexOf("全年预算数")).toBe(4); // column E
    expect(budgetHeader(1).indexOf("全年预算数")).toBe(3); // column D: shifted
    expect(view.rowTexts(rowOf(forms[1].top, (x) => x.includes("本级财政资金")))).toEqual([
      "",
      "本级财政资金",
      "",
      "110.4",
      "48.62",
      "44.04",
      "",
      "",
    ]);
    expect(
      view.text(
        rowOf(forms[1].top, (x) => x.includes("其他资金")),
        1
      )
    ).toBe("其他资金");
    expect(
      view.text(
        rowOf(forms[0].top, (x) => x.includes("其他资金")),
        3
      )
    ).toBe("其他资金");
    // 满意度: level 1 in the 绩效指标 column (A) from 000#2 on, not in 000#0 and 000#1
    const satisfaction = (i: number): string[] =>
      view.rowTexts(
        rowOf(
          forms[i].top,
          (x) => x.some((v) => /^满意度\s*指\s*标$/.test(v)) && !x.includes("一级指标")
        )
      );
    expect(satisfaction(0)[0]).toBe("");
    expect(satisfaction(2)[0]).toBe("满意度指标");
    expect(satisfaction(2)[1]).toBe("满意度指标");
    expect(satisfaction(2)[2]).toBe("公众满意度高");
    // the 绩效指标 label is merged down to the row above the shifted one
    const labelRow = rowOf(forms[2].top, (x) => x[0] === "绩效 指标");
    const label = view.mergeAt(labelRow, 1)!;
    expect(label.bottom).toBe(rowOf(forms[2].top, (x) => x[0] === "满意度指标") - 1);
    // 000#5's 时效 row: one column right, level 1 still merged from above in column B
    const time = rowOf(forms[5].top, (x) => x.includes("项目完成时间"));
    expect(view.rowTexts(time).slice(0, 5)).toEqual(["", "", "", "时效指标", "项目完成时间"]);
    expect(view.text(time, 8)).toBe("100%");
    expect(view.shownAt(time, 2)).toBe("产出指标");
  });

  test("Hubei's placeholder row '……' and level-1 weights in the level-1 text", () => {
    const t = loadSeedTables("002")[2];
    const { rows, merges } = seedTableGrid(t);
    const at = rows.findIndex((row) => row.includes("……"));
    expect(at).toBeGreaterThan(0);
    expect(rows[at].filter((v) => v !== "")).toEqual(["……"]);
    expect(rows[at + 1][0]).toBe("总分");
    // the 满意度 level-1 cell is merged over it
    expect(
      merges.map(parseRange).some((m) => m.left === 2 && m.bottom === at + 1 && m.top < at + 1)
    ).toBe(true);
    for (const table of loadSeedTables("002"))
      for (const ind of table.indicators) expect(ind.level1).toMatch(/（\d+分）/);
    expect(rows.flat()).toContain("产出指标\n（40分）");
  });

  test("values are numbers where Excel would show the printed text, and text otherwise", () => {
    expect(typedValue("322.06")).toEqual({ value: 322.06, format: null });
    expect(typedValue("0.75")).toEqual({ value: 0.75, format: null });
    expect(typedValue("13.666")).toEqual({ value: 13.666, format: null });
    expect(typedValue("90.32%")).toEqual({ value: 0.9032, format: "0.00%" });
    expect(typedValue("100%")).toEqual({ value: 1, format: "0%" });
    expect(typedValue("100.5%")).toEqual({ value: 1.005, format: "0.0%" });
    for (const text of [
      "10.00",
      "5,526.10",
      "121.65 　",
      "92.53%%",
      "99.79分",
      "—",
      "-",
      "680万",
      "255.3710",
    ])
      expect(typedValue(text)).toEqual({ value: text, format: null });

    // 004#0: the budget row as an accountant's Excel holds it; targets and actuals stay text
    const { rows, numberFormats } = seedTableGrid(loadSeedTables("004")[0]);
    const budget = rows.findIndex((row) => row.includes("年度资金总额"));
    expect(rows[budget].slice(1, 8)).toEqual([
      "年度资金总额",
      322.06,
      322.06,
      290.88,
      10,
      0.9032,
      8.8,
    ]);
    expect(numberFormats[budget][6]).toBe("0.00%");
    const cost = rows.findIndex((row) => row.includes("按照年度预算执行"));
    expect(rows[cost].slice(4, 8)).toEqual(["322.06", "290.88", 10, 8.8]);
    expect(numberFormats[cost].slice(4, 6)).toEqual(["@", "@"]);
  });

  test('values: "text" keeps every cell the string the extraction holds', () => {
    for (const t of [loadSeedTables("003")[1], loadSeedTables("004")[0]]) {
      const { rows, numberFormats } = seedTableGrid(t, { values: "text" });
      expect(rows.flat().every((v) => typeof v === "string")).toBe(true);
      expect(numberFormats.flat().filter((f) => f.includes("%"))).toEqual([]);
    }
    const typed = seedTableGrid(loadSeedTables("003")[1]);
    const text = seedTableGrid(loadSeedTables("003")[1], { values: "text" });
    expect(typed.merges).toEqual(text.merges);
    // each typed cell shows exactly the text it replaces
    typed.rows.forEach((row, r) =>
      row.forEach((v, c) => expect(shown(v, typed.numberFormats[r][c])).toBe(text.rows[r][c]))
    );
  });

  test("goal texts are whole (the extraction keeps 80 characters)", () => {
    const t = loadSeedTables("004")[0];
    const { rows } = seedTableGrid(t);
    const goal = rows
      .flat()
      .find((v) => typeof v === "string" && v.startsWith(t.goals!.actual!.slice(0, 20)));
    expect(String(goal).length).toBeGreaterThan(t.goals!.actual!.length);
    expect(String(goal)).toContain("3.2020年度《丰台报》获得了区领导");
    expect(norm(String(goal)).startsWith(t.goals!.actual!)).toBe(true);
  });
});

function allSheets(): SeedSheet[][] {
  return [...sheetsBySeed.values()];
}
