/**
 * 生成自评报告 end to end (issue 13): headless Chromium on the workbench with the Fengtai sample.
 * The button writes the 自评报告 sheet (merged rows, one block per project) that the workbench
 * shows, offers the .docx, which is downloaded and opened here; 撤销本次评分 removes the sheet.
 */
import * as fs from "fs";
import JSZip from "jszip";
import * as path from "path";
import type { Browser, Page } from "playwright-core";
import { buildWorkbench, startWorkbench, type Workbench } from "../../workbench/server";
import { launchChromium } from "../support/browser";

jest.setTimeout(180_000);

const ROOT = path.join(__dirname, "../..");
const SAMPLE = path.join(ROOT, "samples", "004-fengtai-2020.xlsx");
const ARTIFACTS = path.join(ROOT, "test-artifacts", "e2e");

let browser: Browser;
let bench: Workbench;

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await buildWorkbench();
  [browser, bench] = await Promise.all([
    launchChromium(),
    startWorkbench({ workbook: SAMPLE, build: false }),
  ]);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await bench?.close();
});

async function open(): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({
    viewport: { width: 1280, height: 860 },
    acceptDownloads: true,
  });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(bench.url);
  await page.getByRole("button", { name: "生成自评报告" }).waitFor();
  await page.waitForFunction(() =>
    [...document.querySelectorAll("button")].some(
      (b) => b.textContent?.trim() === "生成自评报告" && !b.disabled
    )
  );
  return { page, errors };
}

const column = (page: Page, sheet: string, rows: number): Promise<unknown[]> =>
  page.evaluate(
    ([s, n]) => Array.from({ length: n }, (_, i) => window.workbench!.cell(s, `A${i + 1}`).value),
    [sheet, rows] as const
  );

test("生成自评报告 writes the 自评报告 sheet, offers the .docx, and 撤销 removes the sheet", async () => {
  const { page, errors } = await open();
  const before = await page.evaluate(() => window.workbench!.sheets());
  await page.getByRole("button", { name: "生成自评报告" }).click();
  await page.getByText("已写入工作表“自评报告”（14 张自评表）").waitFor();
  expect(await page.evaluate(() => window.workbench!.sheets())).toEqual([
    ...before,
    "自评报告",
    "_绩效自评记录",
  ]);
  expect(await page.evaluate(() => window.workbench!.activeSheet())).toBe("自评报告");

  // the sheet: title, unit paragraph, one block per project, every row merged across A:H
  const texts = (await column(page, "自评报告", 400)).map((v) => (v === null ? "" : String(v)));
  expect(texts[0]).toBe("丰台区融媒体中心2020年度项目支出绩效自评报告");
  expect(texts[2]).toContain("评价项目14个，涉及金额3,125.94万元");
  const body = texts.slice(0, texts.indexOf("提交前请核对（不属于报告正文，核对修改后删除）"));
  expect(body.filter((t) => t.endsWith("项目绩效自评报告"))).toHaveLength(14);
  expect(body.filter((t) => t === "三、自评结论")).toHaveLength(14);
  const merges = await page.evaluate(() => window.workbench!.merges("自评报告"));
  expect(merges).toContain("A1:H1");
  expect(merges.every((m) => /^A(\d+):H\1$/.test(m))).toBe(true);
  // the workbench shows it: its tab is there and the grid holds the report's text
  await page.getByRole("tab", { name: "自评报告" }).waitFor();
  await page.getByText("一、项目基本情况").first().waitFor();
  await page.screenshot({ path: path.join(ARTIFACTS, "report-sheet.png") });

  // the .docx: downloaded from the pane and opened
  const link = page.getByRole("link", { name: "下载自评报告（Word）" });
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toBe("丰台区融媒体中心2020年度项目支出绩效自评报告.docx");
  const file = await download.path();
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const xml = await (zip.file("word/document.xml") as JSZip.JSZipObject).async("string");
  expect(xml).toContain("评价项目14个，涉及金额3,125.94万元");
  expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
  expect(xml.match(/>三、自评结论</g)).toHaveLength(14);

  // 撤销本次评分 removes the sheet the add-in wrote
  await page.getByRole("button", { name: "撤销本次评分" }).click();
  await page.waitForFunction(() => !window.workbench!.sheets().includes("自评报告"));
  expect(errors).toEqual([]);
  await page.close();
});
