/**
 * The add-in end to end in a real browser: Debian's headless Chromium (playwright-core) on the
 * workbench page, which runs the real task pane and the real Office.js gateway over the strict
 * fake Excel loaded from a workbook. Everything is clicked by role and Chinese name, as an
 * accountant would; what the sheets hold afterwards is read through `window.workbench` and
 * compared with the pure plan computed here in Node. axe-core checks the pane in every state;
 * screenshots go to test-artifacts/e2e/.
 */
import { source as axeSource } from "axe-core";
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Browser, Page } from "playwright-core";
import type { Grid } from "../../src/form/grid";
import { scoreWorkbookGrids } from "../../src/form/pipeline";
import type { CellEdit } from "../../src/form/plan";
import { STATE_SHEET } from "../../src/form/state";
import { buildWorkbench, startWorkbench, type Workbench } from "../../workbench/server";
import type { WorkbenchApi } from "../../workbench/page";
import { loadFakeExcel } from "../../fake-excel";
import { launchChromium } from "../support/browser";
import { formSheet } from "../support/smallForm";

jest.setTimeout(120_000);

const ROOT = path.join(__dirname, "../..");
const SAMPLE = path.join(ROOT, "samples", "004-fengtai-2020.xlsx");
const ARTIFACTS = path.join(ROOT, "test-artifacts", "e2e");

type CellView = ReturnType<WorkbenchApi["cell"]>;

let browser: Browser;
let sample: Workbench;
let tmp: string;
/** The plan for the whole sample workbook and for its first tab alone, computed in Node. */
let planAll: CellEdit[];
let planFirst: CellEdit[];
let sheetNames: string[];
/** Where the first tab's budget score goes, and the cells of its budget and execution. */
let budgetCell: string | null | undefined;
let budgetAnnual: { address: string; value: unknown } | undefined;
let budgetExecuted: string | undefined;

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-e2e-"));
  await buildWorkbench();
  [browser, sample] = await Promise.all([
    launchChromium(),
    startWorkbench({ workbook: SAMPLE, build: false }),
  ]);
  const fake = await loadFakeExcel(SAMPLE);
  sheetNames = fake.sheetNames();
  const grids: Grid[] = sheetNames.map((n) => fake.grid(n));
  planAll = scoreWorkbookGrids(grids).sheets.flatMap((s) => [...s.plan.edits]);
  const first = scoreWorkbookGrids(grids, { only: sheetNames[0] }).sheets;
  planFirst = first.flatMap((s) => [...s.plan.edits]);
  budgetCell = first[0].forms[0].result.budget?.cell;
  const totalRow = first[0].forms[0].form.budget?.rows[0];
  budgetAnnual = totalRow?.annual;
  budgetExecuted = totalRow?.executed?.address;
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await sample?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

/** A fresh page on a workbench: a fresh fake Excel with the workbook as the file holds it. */
async function open(bench: Workbench = sample): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  (page as Page & { errors: string[] }).errors = errors;
  await page.goto(bench.url);
  return page;
}

function pageErrors(page: Page): string[] {
  return (page as Page & { errors: string[] }).errors;
}

async function paneReady(page: Page): Promise<void> {
  await page.getByRole("button", { name: "评分当前表" }).waitFor();
  await expectEnabled(page, "评分当前表");
}

async function expectEnabled(page: Page, name: string): Promise<void> {
  await page.waitForFunction(
    (n) =>
      [...document.querySelectorAll("button")].some(
        (b) =>
          b.textContent?.trim() === n && !b.disabled && b.getAttribute("aria-disabled") !== "true"
      ),
    name
  );
}

async function cell(page: Page, sheet: string, address: string): Promise<CellView> {
  return page.evaluate(([s, a]) => window.workbench!.cell(s, a), [sheet, address] as const);
}

async function cells(page: Page, edits: readonly CellEdit[]): Promise<CellView[]> {
  return page.evaluate(
    (list) => list.map(([s, a]) => window.workbench!.cell(s, a)),
    edits.map((e) => [e.sheet, e.address] as const)
  );
}

/** Every edit of the plan is in the sheet: value, number format and note as planned. */
async function expectPlanWritten(page: Page, edits: readonly CellEdit[]): Promise<void> {
  const now = await cells(page, edits);
  const wrong = edits.flatMap((e, i) => {
    const c = now[i];
    const out: string[] = [];
    if ("value" in e.set && (e.set.value === "" ? null : e.set.value) !== c.value)
      out.push(`${e.sheet}!${e.address} value ${String(c.value)} ≠ ${String(e.set.value)}`);
    if (e.set.numberFormat && e.set.numberFormat !== c.numberFormat)
      out.push(`${e.sheet}!${e.address} format ${c.numberFormat} ≠ ${e.set.numberFormat}`);
    if ("note" in e.set && (e.set.note ?? null) !== c.note)
      out.push(`${e.sheet}!${e.address} note ${String(c.note)} ≠ ${String(e.set.note)}`);
    return out;
  });
  expect(wrong).toEqual([]);
}

/** The workbook's every cell that the plan touches, as it is now. */
async function touched(page: Page): Promise<CellView[]> {
  return cells(page, planAll);
}

/** axe-core's serious and critical violations inside `scope`. */
async function axeSevere(
  page: Page,
  scope: string
): Promise<{ id: string; impact: string | null; targets: string[] }[]> {
  if (!(await page.evaluate(() => "axe" in window)))
    await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async (include) => {
    const run = (
      window as unknown as {
        axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> };
      }
    ).axe.run;
    type AxeViolation = { id: string; impact: string | null; nodes: { target: unknown }[] };
    const r = await run({ include: [include] }, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.map((n) => JSON.stringify(n.target)).slice(0, 3),
    }));
  }, scope);
  return result.filter((v) => v.impact === "serious" || v.impact === "critical");
}

async function axe(page: Page, state: string, scope = "#pane"): Promise<void> {
  const severe = await axeSevere(page, scope);
  expect({ state, severe }).toEqual({ state, severe: [] });
}

async function shot(page: Page, name: string): Promise<void> {
  await page.locator("#pane").screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
}

async function headline(page: Page, action: string): Promise<string> {
  const line = page.getByText(new RegExp(`^${action}：`));
  await line.waitFor();
  return (await line.textContent()) ?? "";
}

describe("the task pane in Chromium over the workbench", () => {
  test("评分当前表 on the first tab writes what the plan says, and nothing on other tabs", async () => {
    const page = await open();
    await paneReady(page);
    await axe(page, "opened");
    await shot(page, "01-opened");
    const before = await touched(page);
    expect(await page.evaluate(() => window.workbench!.activeSheet())).toBe(sheetNames[0]);
    await page.getByRole("button", { name: "评分当前表" }).click();
    expect(await headline(page, "评分当前表")).toMatch(
      /^评分当前表：1 张自评表，写入 \d+ 个单元格/
    );
    expect(planFirst.length).toBeGreaterThan(3);
    await expectPlanWritten(page, planFirst);
    // the other tabs are as they were
    const after = await touched(page);
    const firstTab = new Set(planFirst.map((e) => `${e.sheet}!${e.address}`));
    const others = planAll
      .map((e, i) => ({ key: `${e.sheet}!${e.address}`, sheet: e.sheet, i }))
      .filter((x) => x.sheet !== sheetNames[0] && !firstTab.has(x.key));
    expect(others.length).toBeGreaterThan(50);
    for (const o of others) expect(after[o.i]).toEqual(before[o.i]);
    // the result view: project, total, grade and a formula per score
    await page.getByRole("heading", { name: "《丰台报》相关费用" }).waitFor();
    await page
      .getByText(/^总分：\d+(\.\d+)?$/)
      .first()
      .waitFor();
    await page
      .getByText(/^等级：[优良中差]$/)
      .first()
      .waitFor();
    await page.getByText(/执行率 290\.88 ÷ 322\.06 = 90\.32%/).waitFor();
    await axe(page, "scored one sheet");
    await shot(page, "02-scored-active-sheet");
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });

  test("the accessibility check can fail: a button without a name in the pane is reported", async () => {
    const page = await open();
    await paneReady(page);
    await page.evaluate(() => {
      document.querySelector("#pane")?.appendChild(document.createElement("button"));
    });
    expect((await axeSevere(page, "#pane")).map((v) => v.id)).toContain("button-name");
    await page.close();
  });

  test("switching to another tab in the sheet view and scoring it scores that tab", async () => {
    const page = await open();
    await paneReady(page);
    const third = sheetNames[2];
    await page.getByRole("tab", { name: third }).click();
    expect(await page.evaluate(() => window.workbench!.activeSheet())).toBe(third);
    await page.getByRole("button", { name: "评分当前表" }).click();
    await headline(page, "评分当前表");
    await page.getByRole("heading", { name: third }).waitFor();
    const mine = planAll.filter((e) => e.sheet === third);
    expect(mine.length).toBeGreaterThan(3);
    await expectPlanWritten(page, mine);
    await page.close();
  });

  test("批量评分 writes every tab as planned, the 评分汇总 sheet and its rows; 撤销 restores every cell; twice is once", async () => {
    const page = await open();
    await paneReady(page);
    const before = await touched(page);
    await page.getByRole("button", { name: "批量评分" }).click();
    const line = await headline(page, "批量评分");
    expect(line).toMatch(/^批量评分：14 张自评表，写入 \d+ 个单元格/);
    await expectPlanWritten(page, planAll);
    expect(await page.evaluate(() => window.workbench!.syncs())).toBe(4);
    const names = await page.evaluate(() => window.workbench!.sheets());
    expect(names).toEqual([...sheetNames, STATE_SHEET, "评分汇总"]);
    // 评分汇总: a header row, one row per form with its total and grade, the counts by grade
    expect((await cell(page, "评分汇总", "A1")).value).toBe("工作表");
    expect((await cell(page, "评分汇总", "A2")).value).toBe(sheetNames[0]);
    expect((await cell(page, "评分汇总", "A17")).value).toBe("评价表数");
    expect((await cell(page, "评分汇总", "B17")).value).toBe(14);
    const grades = await Promise.all([23, 24, 25, 26].map((r) => cell(page, "评分汇总", `B${r}`)));
    expect(grades.reduce((n, c) => n + Number(c.value), 0)).toBe(14);
    // the summary is shown in the view, and the pane says it was made
    expect(await page.evaluate(() => window.workbench!.activeSheet())).toBe("评分汇总");
    await page.getByRole("tabpanel", { name: "评分汇总" }).waitFor();
    await page.getByText(/^已生成“评分汇总”：14 张自评表/).waitFor();
    await axe(page, "batch scored");
    await shot(page, "03-batch-scored");

    // scoring again changes nothing: every cell already holds what the plan says
    await page.getByRole("button", { name: "批量评分" }).click();
    await page.waitForFunction(() => window.workbench!.syncs() > 4);
    await expectEnabled(page, "批量评分");
    await expectPlanWritten(page, planAll);
    expect(
      await page.getByText(/^批量评分：14 张自评表，写入 0 个单元格、0 条批注、0 处填充色$/).count()
    ).toBe(1);

    // 撤销本次评分: every touched cell is back as the file had it, and the product's sheets are gone
    await page.getByRole("button", { name: "撤销本次评分" }).click();
    expect(await headline(page, "撤销本次评分")).toMatch(/^撤销本次评分：已恢复 \d+ 个单元格$/);
    expect(await touched(page)).toEqual(before);
    expect(await page.evaluate(() => window.workbench!.sheets())).not.toContain("评分汇总");
    await axe(page, "undone");
    await shot(page, "04-undone");
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });

  test("clicking a prompt selects its cell in the sheet", async () => {
    const page = await open();
    await paneReady(page);
    await page.getByRole("button", { name: "评分当前表" }).click();
    await headline(page, "评分当前表");
    const prompts = page.getByRole("table", { name: "得分不符" });
    const row = prompts.getByRole("row").last();
    // the row's accessible name says sheet!cell and the message (the row shows the cell alone)
    const text = (await row.getAttribute("aria-label")) ?? "";
    const address = /!([A-Z]+\d+)/.exec(text)?.[1];
    expect(address).toBeDefined();
    await row.click();
    await page.waitForFunction(
      (a) => window.workbench!.selection()?.address === a,
      address as string
    );
    await page.locator(`td[data-address="${address}"]`).waitFor();
    // by keyboard: a result row takes the focus and answers Enter
    const budgetRow = page.getByRole("row", { name: /^预算执行率/ }).first();
    await budgetRow.focus();
    await page.keyboard.press("Enter");
    expect(budgetCell).not.toBe(address);
    await page.waitForFunction(
      (a) => window.workbench!.selection()?.address === a,
      budgetCell as string
    );
    await page.close();
  });

  test("规则: the profile chosen by 自动 is shown with its reason; another profile is used and remembered", async () => {
    const page = await open();
    await paneReady(page);
    await page.getByRole("button", { name: "评分当前表" }).click();
    await headline(page, "评分当前表");
    await page.getByText(/^已选用：北京/).waitFor();
    const dropdown = page.getByRole("combobox", { name: "评分规则" });
    await dropdown.click();
    await page.getByRole("listbox").waitFor();
    await axe(page, "rules open");
    await shot(page, "05-rules-open");
    await page.getByRole("option", { name: /全国通用/ }).click();
    expect(await dropdown.textContent()).toMatch(/全国通用/);
    await page.getByRole("button", { name: "评分当前表" }).click();
    await page.waitForFunction(() => window.workbench!.syncs() > 4);
    await expectEnabled(page, "评分当前表");
    // no 自动 choice line under an explicit profile
    expect(await page.getByText(/^已选用：/).count()).toBe(0);
    // the choice is kept in the workbook's settings: a fresh pane over the same fake shows it
    const saved = await page.evaluate(() =>
      (
        window as unknown as {
          Office: { context: { document: { settings: { get(n: string): unknown } } } };
        }
      ).Office.context.document.settings.get("selfeval.settings")
    );
    expect(JSON.stringify(saved)).toMatch(/national/);
    await page.close();
  });

  test("自动评分: with the switch on, a person's edit re-scores the sheet after a pause; the add-in's own writes do not", async () => {
    const page = await open();
    await paneReady(page);
    const sheet = sheetNames[0];
    const autoScore = page.getByRole("switch", { name: "自动评分" });
    const syncsOff = await page.evaluate(() => window.workbench!.syncs());
    await autoScore.check();
    await page.waitForTimeout(300);
    // turning it on reads the workbook once (the listener is registered with the listing)
    const syncsBefore = await page.evaluate(() => window.workbench!.syncs());
    expect(syncsBefore - syncsOff).toBe(2);
    // the accountant types the executed amount equal to the budget: execution 100%, full budget score
    expect(budgetExecuted).toBeDefined();
    expect(typeof budgetAnnual?.value).toBe("number");
    // in the sheet view as a person would: double-click the cell, type in the edit bar, Enter
    await page.evaluate((s) => window.workbench!.activate(s), sheet);
    const view = page.getByRole("region", { name: "工作表视图" });
    await view.locator(`td[data-address="${budgetExecuted}"]`).dblclick();
    expect(await view.getByRole("textbox", { name: "单元格地址" }).inputValue()).toBe(
      budgetExecuted
    );
    const content = view.getByRole("textbox", { name: "单元格内容" });
    expect(await content.evaluate((el) => el === document.activeElement)).toBe(true);
    await content.fill(String(budgetAnnual?.value));
    await content.press("Enter");
    expect(await headline(page, "自动评分")).toMatch(/^自动评分：1 张自评表，写入 \d+ 个单元格/);
    await expectEnabled(page, "评分当前表");
    expect((await cell(page, sheet, budgetCell as string)).value).toBe(10);
    // a re-score is one read (the sheet, the ledger, the fills and notes of the cells it may
    // touch) and one write, as the switch read the workbook once when it was turned on; and the
    // add-in's own writes start no new re-score
    const syncsAfter = await page.evaluate(() => window.workbench!.syncs());
    expect(syncsAfter - syncsBefore).toBe(2);
    await page.waitForTimeout(2500);
    expect(await page.evaluate(() => window.workbench!.syncs())).toBe(syncsAfter);
    await axe(page, "auto score on");
    await shot(page, "06-auto-score");
    await autoScore.uncheck();
    await content.fill("1");
    await content.press("Enter");
    expect((await cell(page, sheet, budgetExecuted as string)).value).toBe(1);
    await page.waitForTimeout(2500);
    expect(await page.evaluate(() => window.workbench!.syncs())).toBe(syncsAfter + 1);
    // an address that is not one is said, in Chinese, and nothing is written
    await view.getByRole("textbox", { name: "单元格地址" }).fill("第六行");
    await content.press("Enter");
    await view
      .getByRole("alert")
      .filter({ hasText: "“第六行”不是单元格地址（例如 F6）" })
      .waitFor();
    await page.close();
  });

  test("a workbook with bad sheets: Chinese messages naming sheet and cell, no crash", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("说明").getCell("A1").value = "本工作簿用于测试";
    formSheet(wb, "错误值", { E5: { error: "#REF!" } as ExcelJS.CellErrorValue });
    formSheet(wb, "文字分值", { F5: "四十五" });
    await formSheet(wb, "受保护").protect("", {});
    const file = path.join(tmp, "坏表.xlsx");
    await wb.xlsx.writeFile(file);
    const bench = await startWorkbench({ workbook: file, build: false });
    try {
      const page = await open(bench);
      await paneReady(page);
      await page.getByRole("button", { name: "批量评分" }).click();
      await headline(page, "批量评分");
      const pane = page.locator("#pane");
      // a prompt row shows its cell and message; its accessible name adds the sheet
      await pane.getByRole("row", { name: /^错误值!E5 .*“#REF!”不是数值/ }).waitFor();
      await pane
        .getByRole("row", {
          name: /^文字分值!F5 .*的分值“四十五”不是数值，该指标按人工评分，所填得分计入总分/,
        })
        .waitFor();
      await pane.getByText(/^说明：不是自评表：/).waitFor();
      await pane
        .getByText("工作表“受保护”受保护，无法写入评分结果；请撤销保护后再评分")
        .first()
        .waitFor();
      expect((await cell(page, "受保护", "G5")).value).toBeNull();
      await axe(page, "bad workbook");
      await shot(page, "07-bad-workbook");
      expect(pageErrors(page)).toEqual([]);
      await page.close();
    } finally {
      await bench.close();
    }
  });

  test("a file that is not a workbook: the page says so in Chinese", async () => {
    const file = path.join(tmp, "损坏.xlsx");
    fs.writeFileSync(file, "这不是一个 xlsx 文件");
    const bench = await startWorkbench({ workbook: file, build: false });
    try {
      const page = await open(bench);
      await page.getByText("工作簿无法打开").waitFor();
      await page.getByText(/工作簿“损坏\.xlsx”无法读取，它可能已损坏或不是 \.xlsx 文件/).waitFor();
      await axe(page, "workbook cannot be opened", "body");
      await page.screenshot({ path: path.join(ARTIFACTS, "08-not-a-workbook.png") });
      await page.close();
    } finally {
      await bench.close();
    }
  });
});
