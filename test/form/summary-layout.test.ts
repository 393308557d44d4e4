/**
 * The one 评分汇总 layout both hosts render (src/form/layout/summaryLayout.ts), over the seed
 * workbooks as an accountant's sheets: widths from content and within bounds, numbers with the
 * formats of a finance report, Chinese profile names, the chart beside the first screen, prompts
 * sorted and linked, the band sentence naming pending forms, no chart where nothing was scored.
 */
import { Dec } from "../../src/engine/decimal";
import type { Grid } from "../../src/form/grid";
import { columnPixels, textWidth, wrappedLines } from "../../src/form/layout/sheetLayout";
import { leftPixels, summaryLayout } from "../../src/form/layout/summaryLayout";
import { scoreGrids } from "../../src/form/pipeline";
import { bandSentence, buildSummary, NO_CHART_SENTENCE } from "../../src/form/summary";
import { seedFiles, seedWorkbookSheets } from "../support/seedGrids";

const workbooks = seedFiles().map((f) => {
  const outcomes = scoreGrids(
    seedWorkbookSheets(f).map((s) => s.grid),
    []
  );
  const summary = buildSummary(outcomes);
  return { seed: f.slice(0, 3), outcomes, summary, layout: summaryLayout(summary, "评分汇总") };
});

describe.each(workbooks.map((w) => [w.seed, w] as const))("seed %s", (_seed, w) => {
  const { summary, layout } = w;
  const formRows = layout.rows.slice(
    summary.tables.forms.heading + 1,
    summary.tables.forms.last + 1
  );

  test("column widths come from their content and stay within 6–44 characters", () => {
    expect(layout.widths.every((x) => x >= 6 && x <= 44)).toBe(true);
    // the sheet names and kinds fit or wrap; 提示条数 is as wide as its heading, not 60
    expect(layout.widths[8]).toBe(textWidth("提示条数") + 2);
    const kinds = layout.rows.slice(
      summary.tables.prompts.heading + 1,
      summary.tables.prompts.last + 1
    );
    for (const r of kinds)
      expect(textWidth(String(r[3]?.value ?? ""))).toBeLessThanOrEqual(layout.widths[3]);
  });

  test("执行率 and 总分 are numbers formatted 0.00% and 0.00; amounts #,##0.00 in 万元", () => {
    expect(formRows.length).toBe(summary.forms);
    for (const r of formRows) {
      for (const [c, format] of [
        [3, "#,##0.00"],
        [4, "#,##0.00"],
        [5, "0.00%"],
        [6, "0.00"],
      ] as const) {
        const cell = r[c];
        expect(cell?.style?.numberFormat).toBe(format);
        expect(cell?.value === null || typeof cell?.value === "number").toBe(true);
      }
      const amount = r[3]?.value;
      if (typeof amount === "number") expect(Math.round(amount * 100) / 100).toBe(amount);
    }
    expect(formRows.some((r) => typeof r[5]?.value === "number")).toBe(true);
    // every scored total is a number; an unscored one is empty, its grade says 待人工评分
    expect(formRows.filter((r) => typeof r[6]?.value === "number").length).toBe(summary.scored);
    for (const r of formRows.filter((x) => x[6]?.value === null))
      expect(r[7]?.value).toBe("待人工评分");
  });

  test("no ASCII profile id anywhere: 全国通用, 北京, 湖北, 新疆, 四川", () => {
    const texts = layout.rows.flat().map((c) => String(c?.value ?? ""));
    expect(texts.filter((t) => /^(national|beijing|hubei|xinjiang|sichuan|auto)$/.test(t))).toEqual(
      []
    );
    for (const r of formRows)
      expect(["全国通用", "北京", "湖北", "新疆", "四川"]).toContain(r[2]?.value);
  });

  test("the chart is titled, steps by whole forms, and stands beside the first screen on free cells", () => {
    const chart = layout.chart;
    // the Renhe templates print no weights: nothing scored, no chart (see the test below)
    expect(chart === null).toBe(summary.scored === 0);
    if (!chart) return;
    expect(chart.title).toBe("自评等级分布");
    expect(chart.majorUnit).toBe(1);
    expect(leftPixels(layout, chart.anchor.fromCol)).toBeLessThanOrEqual(1200);
    for (let r = chart.anchor.fromRow; r < chart.anchor.toRow; r++)
      for (let c = chart.anchor.fromCol; c < chart.anchor.toCol; c++)
        expect(layout.rows[r]?.[c]?.value ?? null).toBeNull();
  });

  test("prompts are sorted by sheet and cell, each linked to its cell; a colour key stands above them", () => {
    const order = new Map(w.outcomes.map((o, i) => [o.sheet, i]));
    const rows = layout.rows.slice(
      summary.tables.prompts.heading + 1,
      summary.tables.prompts.last + 1
    );
    const keys = rows.map((r) => {
      const cell = String(r[2]?.value);
      const m = /^([A-Z]+)(\d+)$/.exec(cell) as RegExpExecArray;
      return [order.get(String(r[0]?.value)) ?? -1, Number(m[2]), m[1].length, m[1]] as const;
    });
    const sorted = [...keys].sort(
      (a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || a[3].localeCompare(b[3])
    );
    expect(keys).toEqual(sorted);
    for (const r of rows) expect(r[0]?.link).toMatch(new RegExp(`!${String(r[2]?.value)}$`));
    expect(layout.rows[summary.keyRow].map((c) => c?.value)).toEqual([
      "颜色说明",
      "红：错误",
      "黄：警告",
      "蓝：提示",
    ]);
    expect(layout.rows[summary.keyRow].slice(1).map((c) => c?.style?.fill)).toEqual([
      "FFC7CE",
      "FFEB9C",
      "DDEBF7",
    ]);
  });

  test("the auto-filter spans the forms table however many columns it has (past Z)", () => {
    const heading = summary.tables.forms.heading;
    const wide = {
      ...summary,
      rows: summary.rows.map((r, i) =>
        i === heading ? [...r, ...Array.from({ length: 28 - r.length }, (_, k) => `列${k}`)] : r
      ),
    };
    expect(summaryLayout(wide, "评分汇总").autoFilter).toBe(
      `A1:AB${summary.tables.forms.last + 1}`
    );
  });

  test("a finished sheet: frozen header row, auto-filter on the forms table, A4 landscape one page wide, page footer", () => {
    expect(layout.freezeRows).toBe(1);
    expect(layout.autoFilter).toBe(`A1:I${summary.tables.forms.last + 1}`);
    expect(layout.page).toMatchObject({
      paper: "A4",
      orientation: "landscape",
      fitToWidth: 1,
      fitToHeight: 0,
    });
    // the header row repeats on every page only where the forms table runs past one page
    expect(layout.page.titleRows).toEqual(summary.forms + 1 > 25 ? { first: 1, last: 1 } : null);
    expect(layout.page.footer).toContain("&P");
  });

  test("long text wraps, and its row is as tall as its lines", () => {
    layout.rows.forEach((row, r) => {
      row.forEach((cell, c) => {
        if (!cell?.style?.wrap || cell.style.bold) return;
        const lines = wrappedLines(String(cell.value), layout.widths[c]);
        expect(lines).toBeGreaterThan(1);
        expect(layout.rowHeights.get(r) ?? 0).toBeGreaterThanOrEqual(lines * 14);
      });
    });
  });
});

test("the band sentence names the forms still to be scored by hand", () => {
  expect(bandSentence([new Dec(95), new Dec(85), null])).toBe(
    "共评价项目3个，其中90分（含）以上1个，80（含）-90分1个，60（含）-80分0个，60分以下0个，另有1个待人工评分"
  );
  expect(bandSentence([new Dec(95)])).not.toContain("另有");
});

test("where nothing was scored: no chart, a sentence instead", () => {
  const summary = buildSummary([
    {
      sheet: "说明",
      forms: [],
      skipped: "不是自评表：工作表是空的",
      plan: { edits: [], ledger: [], skipped: [] },
    },
  ]);
  const layout = summaryLayout(summary, "评分汇总");
  expect(layout.chart).toBeNull();
  expect(layout.rows.flat().map((c) => c?.value)).toContain(NO_CHART_SENTENCE);
});

test("amounts under a 元 header are converted to 万元", () => {
  const rows: (string | number | null)[][] = [
    ["项目名称", "测试项目", null, null, null, null, null, null],
    ["项目资金（元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    [null, "年度资金总额", 3220600, 3220600, 2908800, 10, null, null],
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", null],
    ["产出指标", "数量指标", "出报期数", "57期", "67期", 90, null, null],
    ["总分", null, null, null, null, 100, null, null],
  ];
  const grid: Grid = { sheet: "元表", origin: "A1", values: rows, merges: [] };
  const outcomes = scoreGrids([grid], []);
  expect(outcomes[0].forms).toHaveLength(1);
  const summary = buildSummary(outcomes);
  expect(summary.rows[1].slice(3, 5)).toEqual([322.06, 290.88]);
});

test("column pixels follow Excel's rule (the default stored width 9.140625 = 64 px)", () => {
  expect(columnPixels(9.140625)).toBe(64);
});
