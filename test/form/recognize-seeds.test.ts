/**
 * Recognition of every seed table from the sample workbooks (samples/*.xlsx, real files read
 * with ExcelJS): the hand extraction in test/fixtures/seeds/cases is the expectation. Then the
 * same tables moved, padded, stacked and with synonym headers.
 */
import * as path from "path";
import { cellText, stripSpace } from "../../src/engine/text";
import type { Form } from "../../src/engine/types";
import type { Grid } from "../../src/form/grid";
import { recognizeSheet } from "../../src/form/recognize";
import { readWorkbookFile } from "../../src/host/xlsx/readFile";
import { scoreWorkbook } from "../../src/engine";
import { scoreAllSeeds } from "../support/audit";
import { seedCases } from "../support/score";
import type { SeedTable } from "../support/seeds";

const SAMPLES = path.join(__dirname, "../../samples");
const FILES: Record<string, string> = {
  "000": "000-renhe-2023.xlsx",
  "001": "001-renhe-2022.xlsx",
  "002": "002-wuhan-2021.xlsx",
  "003": "003-changji-2024.xlsx",
  "004": "004-fengtai-2020.xlsx",
};

const norm = (v: unknown): string =>
  stripSpace(cellText((v ?? null) as never)).replace(/[\u3000]/g, "");
const same = (a: unknown, b: unknown): boolean => norm(a) === norm(b);

async function formsOf(seed: string): Promise<{ forms: Form[]; grids: Grid[] }> {
  const { grids } = await readWorkbookFile(path.join(SAMPLES, FILES[seed]));
  return { forms: grids.flatMap((g) => recognizeSheet(g).forms), grids };
}

/** Compare a recognised form with the seed extraction; returns the differences. */
function differences(form: Form, t: SeedTable): string[] {
  const d: string[] = [];
  const check = (what: string, got: unknown, want: unknown): void => {
    if (!same(got, want))
      d.push(`${what}: got ${JSON.stringify(got)} want ${JSON.stringify(want)}`);
  };
  if (t.project) check("project", form.project?.value, t.project);
  const want = t.budget?.rows.find((r) => r.annual || r.executed);
  const got = form.budget?.rows.find(
    (r) => norm(r.annual?.value) !== "" || norm(r.executed?.value) !== ""
  );
  if (want) {
    check("budget annual", got?.annual?.value, want.annual);
    check("budget executed", got?.executed?.value, want.executed);
    if (want.score) check("budget score", got?.score?.value, want.score);
  }
  if (form.indicators.length !== t.indicators.length)
    d.push(`indicators: got ${form.indicators.length} want ${t.indicators.length}`);
  t.indicators.forEach((ind, i) => {
    const row = form.indicators[i];
    if (!row) return;
    check(`#${i} name`, row.name.value, ind.level3);
    check(`#${i} target`, row.target?.value, ind.target);
    check(`#${i} actual`, row.actual?.value, ind.actual);
    // Hubei prints weights in the names (（12分）), not in a column
    if (ind.weight && !("weight_source" in ind))
      check(`#${i} weight`, row.weight?.value, ind.weight);
    if (ind.score) check(`#${i} score`, row.score?.value, ind.score);
    check(`#${i} level1`, row.level1.value, ind.level1);
    check(`#${i} level2`, row.level2.value, ind.level2);
  });
  if (t.total_stated) check("total", form.total?.score?.value, t.total_stated);
  return d;
}

describe("every seed table is recognised from the sample workbooks", () => {
  for (const seed of Object.keys(FILES)) {
    test(`seed ${seed}: ${FILES[seed]}`, async () => {
      const { forms } = await formsOf(seed);
      const tables = seedCases().filter((c) => c.id.startsWith(`${seed}#`));
      expect(forms).toHaveLength(tables.length);
      const problems = tables
        .map((c, i) => ({ table: c.id, diff: differences(forms[i], c.table) }))
        .filter((x) => x.diff.length);
      expect(problems).toEqual([]);
    });
  }
});

/** A grid moved by (dr, dc) with padding rows and columns, as a user's sheet may be. */
function moved(grid: Grid, dr: number, dc: number): Grid {
  const shiftRange = (r: string): string =>
    r.replace(/([A-Z]+)(\d+)/g, (_, col: string, row: string) => {
      let n = 0;
      for (const ch of col) n = n * 26 + ch.charCodeAt(0) - 64;
      n += dc;
      let s = "";
      while (n > 0) {
        s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
        n = Math.floor((n - 1) / 26);
      }
      return `${s}${Number(row) + dr}`;
    });
  return {
    ...grid,
    origin: shiftRange(grid.origin),
    merges: grid.merges.map(shiftRange),
  };
}

describe("variants", () => {
  test("a form moved down and right on its sheet is found with the addresses moved", async () => {
    const { grids } = await readWorkbookFile(path.join(SAMPLES, FILES["004"]));
    const g = grids.find((x) => recognizeSheet(x).forms.length === 1) as Grid;
    const base = recognizeSheet(g).forms[0];
    const far = recognizeSheet(moved(g, 7, 3)).forms[0];
    expect(far.indicators.length).toBe(base.indicators.length);
    expect(far.budget?.rows[0].annual?.value).toEqual(base.budget?.rows[0].annual?.value);
    const row = (a: string): number => Number(/\d+/.exec(a)?.[0]);
    expect(row(far.indicators[0].name.address)).toBe(row(base.indicators[0].name.address) + 7);
  });

  test("blank padding rows and columns inside the form change nothing read", async () => {
    const { grids } = await readWorkbookFile(path.join(SAMPLES, FILES["003"]));
    const g = grids[1];
    const base = recognizeSheet(g).forms[0];
    // a blank column at the far left and one blank row above everything
    const padded: Grid = {
      ...g,
      values: [[], ...g.values.map((r) => ["", ...r])],
      origin: "A1",
      merges: g.merges.map((m) =>
        m.replace(
          /([A-Z]+)(\d+)/g,
          (_, c: string, r: string) => `${String.fromCharCode(c.charCodeAt(0) + 1)}${Number(r) + 1}`
        )
      ),
    };
    const f = recognizeSheet(padded).forms[0];
    expect(f.indicators.map((i) => i.target?.value)).toEqual(
      base.indicators.map((i) => i.target?.value)
    );
  });

  test("two forms stacked on one sheet are two forms, each with its own budget", async () => {
    const { grids } = await readWorkbookFile(path.join(SAMPLES, FILES["004"]));
    const [a, b] = grids.filter((x) => recognizeSheet(x).forms.length === 1);
    const width = Math.max(...a.values.map((r) => r.length));
    const stacked: Grid = {
      sheet: "两张表",
      origin: "A1",
      values: [
        ...a.values.map((r) => [...r, ...Array(width - r.length).fill("")]),
        [],
        [],
        ...b.values,
      ],
      merges: [
        ...a.merges,
        ...b.merges.map((m) => m.replace(/(\d+)/g, (x) => String(Number(x) + a.values.length + 2))),
      ],
    };
    const forms = recognizeSheet(stacked).forms;
    expect(forms).toHaveLength(2);
    expect(forms[0].project?.value).toEqual(recognizeSheet(a).forms[0].project?.value);
    expect(forms[1].project?.value).toEqual(recognizeSheet(b).forms[0].project?.value);
    expect(forms[1].budget?.rows[0].annual?.value).toEqual(
      recognizeSheet(b).forms[0].budget?.rows[0].annual?.value
    );
  });

  test("synonym headers (年初目标值（A）/全年实际值, 权重, 指标得分, 偏差原因分析及改进措施) read the same columns", () => {
    const grid: Grid = {
      sheet: "同义表头",
      origin: "A1",
      values: [
        ["项目名称", "测试项目", "", "", "", "", "", ""],
        ["项目资金（万元）", "全年预算数", "全年执行数", "执行率", "", "", "", ""],
        ["年度资金总额", 100, 95, "", "", "", "", ""],
        [
          "一级\n指标",
          "二级 指标",
          "三 级 指 标",
          "年初目标值（A）",
          "全年实际值",
          "权 重",
          "指标得分",
          "偏差原因分析及改进措施",
        ],
        ["产出指标", "数量指标", "场次", "≥4场", "5场", 90, "", ""],
      ],
      merges: [],
    };
    const f = recognizeSheet(grid).forms[0];
    const row = f.indicators[0];
    expect([
      row.target?.value,
      row.actual?.value,
      row.weight?.value,
      row.score?.address,
      row.reason?.address,
    ]).toEqual(["≥4场", "5场", 90, "G5", "H5"]);
  });

  test("whole-cell matching only: 上年完成情况, 指标值设定依据, 按评判等级赋分 are not headers", () => {
    const grid: Grid = {
      sheet: "干扰",
      origin: "A1",
      values: [
        [
          "一级指标",
          "二级指标",
          "三级指标",
          "指标值设定依据",
          "目标值",
          "上年完成情况",
          "业绩值",
          "按评判等级赋分",
        ],
        ["产出指标", "数量指标", "期数", "计划标准", ">=6期", "5期", "6期", ""],
      ],
      merges: [],
    };
    const row = recognizeSheet(grid).forms[0].indicators[0];
    expect([row.target?.address, row.actual?.address, row.rule]).toEqual(["E2", "G2", undefined]);
  });
});

describe("scored from the sample workbooks, the seed tables give what the golden listing says", () => {
  test("same profile, total, grade and prompt kinds as the seed extraction, plus layout-shift on Renhe's shifted rows", async () => {
    const reference = scoreAllSeeds();
    let k = 0;
    const differences: string[] = [];
    let shifts = 0;
    for (const seed of Object.keys(FILES)) {
      const { forms } = await formsOf(seed);
      for (const r of scoreWorkbook(forms)) {
        const { c, r: e } = reference[k++];
        const kinds = r.prompts
          .filter((p) => p.kind !== "layout-shift")
          .map((p) => p.kind)
          .sort();
        shifts += r.prompts.length - kinds.length;
        const got = [r.profile, r.total?.toString() ?? null, r.grade, kinds];
        const want = [
          e.profile,
          e.total?.toString() ?? null,
          e.grade,
          e.prompts.map((p) => p.kind).sort(),
        ];
        if (JSON.stringify(got) !== JSON.stringify(want))
          differences.push(`${c.id}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
      }
    }
    expect(differences).toEqual([]);
    // 000#2–#7 print their 满意度 row one column left, 000#5 also a 时效 row one column right
    expect(shifts).toBe(7);
  });
});
