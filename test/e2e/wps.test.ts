/**
 * The WPS 加载项 as built (npm run build:wps's webpack.wps.config.js, into a temporary folder) in
 * Debian's headless Chromium over the strict fake of WPS as the page's `wps` global: the ribbon's
 * 绩效自评 opens the task pane through CreateTaskPane; in the pane, 批量评分 clicked as a person
 * would scores the Fengtai sample and writes exactly what the WPS gateway writes in Node over the
 * same workbook, and 撤销本次评分 brings every cell back.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import webpack from "webpack";
import type { Browser, Page } from "playwright-core";
import { loadFakeExcel } from "../../fake-excel";
import { DocumentModel, type DocumentData } from "../../fake-excel/model";
import { FakeWps, installFakeWps } from "../../fake-wps";
import { createWpsGateway } from "../../src/host/wps/gateway";
import { launchChromium } from "../support/browser";
import { workbookCells } from "../support/wpsParity";

jest.setTimeout(600_000);

const ROOT = path.join(__dirname, "../..");
const SAMPLE = path.join(ROOT, "samples", "004-fengtai-2020.xlsx");
const ORIGIN = "http://wps-addin.local/";

let browser: Browser;
let out: string;
let fakeScript: string;
let data: DocumentData;

function run(config: webpack.Configuration): Promise<void> {
  const compiler = webpack(config);
  return new Promise((resolve, reject) =>
    compiler.run((err, stats) => {
      compiler.close(() => undefined);
      if (err) reject(err);
      else if (stats?.hasErrors()) reject(new Error(stats.toString("errors-only")));
      else resolve();
    })
  );
}

beforeAll(async () => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-wps-"));
  const factory = require(path.join(ROOT, "webpack.wps.config.js")) as (
    env: object,
    argv: object
  ) => webpack.Configuration;
  const addin = factory({}, { mode: "production" });
  addin.context = ROOT;
  addin.devtool = false;
  addin.output = { ...addin.output, path: path.join(out, "addin") };
  await run(addin);
  await run({
    mode: "development",
    devtool: false,
    context: ROOT,
    entry: "./fake-wps/page.ts",
    output: { path: path.join(out, "fake"), filename: "fake-wps.js" },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true } },
        },
      ],
    },
  });
  fakeScript = fs.readFileSync(path.join(out, "fake", "fake-wps.js"), "utf8");
  data = (await loadFakeExcel(SAMPLE)).doc.toData();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  fs.rmSync(out, { recursive: true, force: true });
});

/** A page of the built add-in with the fake `wps` over the sample, served from the build folder. */
async function open(file: string): Promise<Page> {
  const page = await browser.newPage();
  await page.route(`${ORIGIN}**`, async (route) => {
    const name = new URL(route.request().url()).pathname.replace(/^\//, "");
    const local = path.join(out, "addin", name);
    if (!fs.existsSync(local)) return route.fulfill({ status: 404, body: "" });
    const type = name.endsWith(".html")
      ? "text/html; charset=utf-8"
      : name.endsWith(".js")
        ? "text/javascript; charset=utf-8"
        : name.endsWith(".png")
          ? "image/png"
          : "application/octet-stream";
    return route.fulfill({ status: 200, body: fs.readFileSync(local), contentType: type });
  });
  await page.addInitScript(`${fakeScript};\nwindow.fakeWps.install(${JSON.stringify(data)});`);
  await page.goto(`${ORIGIN}${file}`);
  return page;
}

/** A fresh workbook of the sample (fromData shares the data's cell objects: never reuse them). */
const fresh = (): DocumentModel =>
  DocumentModel.fromData(JSON.parse(JSON.stringify(data)) as DocumentData);

const dump = (page: Page): Promise<DocumentData> =>
  page.evaluate(() => (window as unknown as { fakeWps: { dump(): DocumentData } }).fakeWps.dump());

describe("the WPS 加载项 in Chromium over the fake of WPS", () => {
  test("the ribbon's 绩效自评 opens the task pane with CreateTaskPane", async () => {
    const page = await open("index.html");
    const panes = await page.evaluate(() => {
      const w = window as unknown as {
        OnAction(c: { Id: string }): boolean;
        fakeWps: { taskPanes(): { url: string; title: string; Visible: boolean }[] };
      };
      w.OnAction({ Id: "selfevalOpenPane" });
      return w.fakeWps.taskPanes();
    });
    expect(panes).toEqual([
      expect.objectContaining({ url: `${ORIGIN}taskpane.html`, title: "绩效自评", Visible: true }),
    ]);
    expect(fs.readFileSync(path.join(out, "addin", "ribbon.xml"), "utf8")).toContain(
      'label="绩效自评"'
    );
    await page.close();
  });

  test("批量评分 writes what the WPS gateway writes in Node; 撤销本次评分 restores every cell", async () => {
    // the same action in Node, over the same workbook
    const node = new FakeWps(fresh());
    const uninstall = installFakeWps(node);
    try {
      expect((await createWpsGateway().scoreAllSheets()).ok).toBe(true);
    } finally {
      uninstall();
    }
    const page = await open("taskpane.html");
    await page.getByRole("button", { name: "批量评分" }).click();
    await page.getByText(/^批量评分：\d+ 张自评表，写入 \d+ 个单元格/).waitFor();
    const scored = DocumentModel.fromData(await dump(page));
    expect(workbookCells(scored, "评分汇总")).toEqual(workbookCells(node.doc, "评分汇总"));
    expect(scored.byName("评分汇总")?.charts.length).toBe(1);

    await page.getByRole("button", { name: "撤销本次评分" }).click();
    await page.getByText(/^撤销本次评分：/).waitFor();
    const restored = DocumentModel.fromData(await dump(page));
    expect(workbookCells(restored, null)).toEqual(workbookCells(fresh(), null));
    await page.close();
  });
});
