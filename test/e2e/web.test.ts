/**
 * The 网页版 end to end (issue 19): the BUILT dist-web/ opened from file:// in Debian's headless
 * Chromium, three workbooks picked at once (a sample, a real-template corpus book, a 200-tab book),
 * each scored copy downloaded and compared part by part with what the command (scoreFile, the code
 * of `selfeval score`) writes for the same file: byte-identical once unzipped. No request leaves the
 * page after it loads; axe-core finds no serious or critical violation.
 */
import { source as axeSource } from "axe-core";
import { unzipSync } from "fflate";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Browser, Page } from "playwright-core";
import { pathToFileURL } from "url";
import { make200 } from "../../bench/cli";
import { reportFile } from "../../src/cli/reportFile";
import { outputPath, scoreFile } from "../../src/cli/scoreFile";
import { buildCorpusWorkbook } from "../corpus/build";
import { CORPUS } from "../corpus/forms";
import { launchChromium } from "../support/browser";
import { ensureWebBuild, WEB_INDEX } from "../support/webBuild";

jest.setTimeout(180_000);

const ROOT = path.join(__dirname, "../..");
const ARTIFACTS = path.join(ROOT, "test-artifacts", "e2e");

let browser: Browser;
let page: Page;
let tmp: string;
let inputs: string[];
/** The command's 自评报告 of the sample (`selfeval report`). */
let cliReport: string;
/** Requests that left the browser (not file:, blob:, data:), from the page's load on. */
const network: string[] = [];
const errors: string[] = [];

function parts(bytes: Uint8Array): Map<string, Uint8Array> {
  return new Map(Object.entries(unzipSync(bytes)));
}

/** The parts that differ between two packages (a missing or extra part counts). */
function differing(a: Uint8Array, b: Uint8Array): string[] {
  const pa = parts(a);
  const pb = parts(b);
  const names = new Set([...pa.keys(), ...pb.keys()]);
  return [...names].filter((n) => {
    const x = pa.get(n);
    const y = pb.get(n);
    return !x || !y || Buffer.compare(Buffer.from(x), Buffer.from(y)) !== 0;
  });
}

async function download(
  link: ReturnType<Page["getByRole"]>
): Promise<{ name: string; bytes: Buffer }> {
  const [dl] = await Promise.all([page.waitForEvent("download"), link.click()]);
  const file = path.join(tmp, "downloads", dl.suggestedFilename());
  await dl.saveAs(file);
  return { name: dl.suggestedFilename(), bytes: fs.readFileSync(file) };
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-web-"));
  fs.mkdirSync(path.join(tmp, "cli"));
  const corpus = CORPUS[0];
  inputs = [
    path.join(tmp, "004-fengtai-2020.xlsx"),
    path.join(tmp, `${corpus.id}.xlsx`),
    path.join(tmp, "两百张表.xlsx"),
  ];
  fs.copyFileSync(path.join(ROOT, "samples", "004-fengtai-2020.xlsx"), inputs[0]);
  fs.writeFileSync(inputs[1], await buildCorpusWorkbook(corpus));
  await make200(inputs[2]);
  // the command's output for the same files
  for (const file of inputs) {
    const report = await scoreFile({
      file,
      profile: "auto",
      outDir: path.join(tmp, "cli"),
      dryRun: false,
    });
    if (report.error) throw new Error(report.error);
  }
  const report = await reportFile({
    kind: "report",
    file: inputs[0],
    profile: "auto",
    outDir: path.join(tmp, "cli"),
  });
  if (report.error || !report.output) throw new Error(report.error ?? report.message);
  cliReport = report.output;
  ensureWebBuild();
  browser = await launchChromium();
  page = await browser.newPage({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("request", (r) => {
    if (!/^(file|blob|data):/.test(r.url())) network.push(r.url());
  });
  await page.goto(pathToFileURL(WEB_INDEX).href);
}, 600_000);

afterAll(async () => {
  await browser?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe("the 网页版 from file:// in Chromium", () => {
  test("three workbooks picked at once: each scored copy is the command's, part for part", async () => {
    await page.getByRole("button", { name: "选择工作簿…" }).waitFor();
    await page.locator('input[type="file"]').setInputFiles(inputs);
    for (const file of inputs) {
      const name = path.basename(file).replace(/\.xlsx$/, ".scored.xlsx");
      const link = page.getByRole("link", { name: `下载 ${name}` });
      await link.waitFor({ timeout: 120_000 });
      const got = await download(link);
      expect(got.name).toBe(name);
      const cli = fs.readFileSync(outputPath(file, path.join(tmp, "cli")));
      expect({ file: name, differing: differing(got.bytes, cli) }).toEqual({
        file: name,
        differing: [],
      });
      expect(parts(got.bytes).size).toBeGreaterThan(5);
    }
    await expect(page.getByText("已完成 3 个工作簿的评分").isVisible()).resolves.toBe(true);
    expect(errors).toEqual([]);
  });

  test("the summary across files, every copy in one .zip, and a 自评报告 .docx", async () => {
    const summary = page.getByRole("table", { name: "全部工作簿汇总" });
    await expect(summary.getByRole("row").count()).resolves.toBe(4);
    // the 200-tab book: 200 forms
    await expect(summary.getByRole("row", { name: /两百张表\.xlsx 200 / }).count()).resolves.toBe(
      1
    );

    const all = await download(page.getByRole("link", { name: /^全部下载（3 个评分副本/ }));
    const zipped = parts(all.bytes);
    expect([...zipped.keys()].sort()).toEqual(
      inputs.map((f) => path.basename(f).replace(/\.xlsx$/, ".scored.xlsx")).sort()
    );
    for (const file of inputs) {
      const cli = fs.readFileSync(outputPath(file, path.join(tmp, "cli")));
      expect(
        differing(zipped.get(path.basename(file).replace(/\.xlsx$/, ".scored.xlsx"))!, cli)
      ).toEqual([]);
    }

    await page
      .getByRole("button", { name: "生成自评报告（004-fengtai-2020.自评报告.docx）" })
      .click();
    const docx = await download(
      page.getByRole("link", { name: "下载 004-fengtai-2020.自评报告.docx" })
    );
    // the report's text is the command's (only docProps' timestamps may differ)
    const body = (bytes: Uint8Array): string =>
      new TextDecoder().decode(parts(bytes).get("word/document.xml"));
    const web = body(docx.bytes);
    expect(web).toContain("丰台区融媒体中心2020年度项目支出绩效自评报告");
    expect(web === body(fs.readFileSync(cliReport))).toBe(true);
  });

  test("the forms as the pane shows them, axe clean, and no request after load", async () => {
    const book = page.getByRole("region", { name: "004-fengtai-2020.xlsx" });
    await expect(book.getByText(/^批量评分：\d+ 张自评表/).count()).resolves.toBe(1);
    await expect(book.getByText(/^得分不符（\d+）$/).count()).resolves.toBe(1);
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, "web-scored.png") });

    await page.addScriptTag({ content: axeSource });
    const severe = await page.evaluate(async () => {
      type Violation = { id: string; impact: string | null; nodes: { target: unknown }[] };
      const axe = (window as unknown as { axe: { run(): Promise<{ violations: Violation[] }> } })
        .axe;
      const r = await axe.run();
      return r.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => ({
          id: v.id,
          targets: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)),
        }));
    });
    expect(severe).toEqual([]);
    expect(network).toEqual([]);
    expect(errors).toEqual([]);
  });
  test("files dropped on the page are scored too; one that is no workbook says so in Chinese", async () => {
    const corpus = fs.readFileSync(inputs[1]).toString("base64");
    const drop = await page.evaluateHandle((b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], "拖放.xlsx"));
      dt.items.add(new File([new TextEncoder().encode("不是工作簿")], "坏.xlsx"));
      return dt;
    }, corpus);
    const zone = page.getByText("将一个或多个 .xlsx 工作簿拖放到这里，或").locator("..");
    await zone.dispatchEvent("drop", { dataTransfer: drop });
    const got = await download(page.getByRole("link", { name: "下载 拖放.scored.xlsx" }));
    const cli = fs.readFileSync(outputPath(inputs[1], path.join(tmp, "cli")));
    expect(differing(got.bytes, cli)).toEqual([]);
    const bad = page.getByRole("region", { name: "坏.xlsx" });
    await bad.getByText(/^无法读取 坏\.xlsx：/).waitFor();
    expect(await bad.getByRole("link").count()).toBe(0);
    expect(network).toEqual([]);
  });
});
