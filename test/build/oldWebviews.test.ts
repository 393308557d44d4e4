/**
 * The add-in for intranets and older Excel (issue 19), on a production build with OFFICE_JS=local:
 * every script is ES2017 (es-check, built-ins newer than ES2017 only those legacyBuiltins.ts
 * defines); taskpane.html's check for Internet Explorer 11 is ES5 and shows its message in an
 * engine without ES2017's built-ins; the build loads office.js from its own folder and names no
 * CDN; in Chromium the page says it is in a plain browser (office.js loaded, no Excel), or that
 * office.js is missing from the server, and asks nothing of any other origin.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as http from "http";
import * as os from "os";
import * as path from "path";
import type { Browser, Page } from "playwright-core";
import { LEGACY_BUILTINS } from "../../src/taskpane/legacyBuiltins";
import { launchChromium } from "../support/browser";
import { BUNDLE_BUDGET_KB, buildProduction, initialGzipKB, readBuilt } from "../support/bundle";

const ROOT = path.join(__dirname, "../..");
const ES_CHECK = path.join(ROOT, "node_modules/.bin/es-check");
const out = fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-local-"));

// minutes on a busy machine: the build compiles node_modules too (ES2017)
beforeAll(() => buildProduction(out, { OFFICE_JS: "local" }), 600_000);
afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

/** es-check's verdict and output on files, without throwing. */
function esCheck(args: string[]): { ok: boolean; output: string } {
  try {
    return { ok: true, output: execFileSync(ES_CHECK, args, { encoding: "utf8", stdio: "pipe" }) };
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string };
    return { ok: false, output: `${err.stdout ?? ""}${err.stderr ?? ""}` };
  }
}

/** Our scripts (the pane, its chunks, the ribbon's), not office.js's copy under office/. */
const ourScripts = (): string[] =>
  fs
    .readdirSync(out)
    .filter((f) => f.endsWith(".js"))
    .map((f) => path.join(out, f));

test("every script of dist/ is ES2017, with no built-in newer than ES2017 but those legacyBuiltins defines", () => {
  const files = ourScripts();
  expect(files.map((f) => path.basename(f))).toEqual(
    expect.arrayContaining(["taskpane.js", "react.js", "fluent.js", "scoring.js", "commands.js"])
  );
  const ignore = `--ignore=${LEGACY_BUILTINS.join(",")}`;
  const result = esCheck(["es2017", "--checkFeatures", ignore, ...files]);
  expect(result.output).not.toMatch(/error/i);
  expect(result.ok).toBe(true);
  // the same check fails on what the old Edge engine cannot parse or lacks
  const bad = path.join(out, "..", `${path.basename(out)}-es2018.js`);
  fs.writeFileSync(bad, "var o = { a: 1 }; var { a, ...rest } = o; /(?<!x)y/.test(a);\n");
  expect(esCheck(["es2017", bad]).ok).toBe(false);
  fs.writeFileSync(bad, "var list = [[1], [2]].flat(); Object.hasOwn({}, 'a');\n");
  expect(esCheck(["es2017", "--checkFeatures", ignore, bad]).ok).toBe(false);
  fs.rmSync(bad);
  console.log(`OFFICE_JS=local build: initial scripts ${initialGzipKB(out)} KB gzip`);
  expect(initialGzipKB(out)).toBeLessThanOrEqual(BUNDLE_BUDGET_KB);
});

/** taskpane.html's inline check for engines too old for the pane. */
function oldWebviewScript(): string {
  const html = readBuilt(out, "taskpane.html").toString("utf8");
  const m = /<script\b[^>]*\bid=["']?old-webview\b[^>]*>([\s\S]*?)<\/script>/.exec(html);
  if (!m) throw new Error("taskpane.html has no #old-webview script");
  return m[1];
}

test("taskpane.html's check for Internet Explorer 11 is ES5 and comes before the pane's scripts run", () => {
  const file = path.join(os.tmpdir(), `selfeval-old-webview-${process.pid}.js`);
  fs.writeFileSync(file, oldWebviewScript());
  try {
    const es5 = esCheck(["es5", file]);
    expect(es5.output).not.toMatch(/error/i);
    expect(es5.ok).toBe(true);
  } finally {
    fs.rmSync(file);
  }
  const html = readBuilt(out, "taskpane.html").toString("utf8");
  // the pane's scripts are deferred: they run after the inline check, at the end of parsing
  for (const m of html.matchAll(/<script\b[^>]*\bsrc=["']?(?!office\/)[^"'\s>]+[^>]*>/g))
    expect(m[0]).toMatch(/\bdefer\b/);
  expect(oldWebviewScript()).toContain("Internet Explorer 11");
});

test("the local build loads office.js from its own folder and names no CDN anywhere", () => {
  for (const page of ["taskpane.html", "commands.html"]) {
    const html = readBuilt(out, page).toString("utf8");
    const srcs = [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"'\s>]+)/g)].map((m) => m[1]);
    expect(srcs[0]).toBe("office/office.js");
    expect(srcs.filter((s) => /^(https?:)?\/\//.test(s))).toEqual([]);
  }
  for (const f of [
    "office.js",
    "excel-win32-16.01.js",
    "excel-web-16.00.js",
    "excel-mac-16.00.js",
    "telemetry/oteljs_agave.js",
    "zh-cn/office_strings.js",
    "en-us/office_strings.js",
  ])
    expect(fs.existsSync(path.join(out, "office", f))).toBe(true);
  expect(fs.readdirSync(path.join(out, "office")).filter((f) => f.endsWith(".debug.js"))).toEqual(
    []
  );
  const everyFile = (dir: string): string[] =>
    fs
      .readdirSync(dir, { withFileTypes: true })
      .flatMap((d) =>
        d.isDirectory() ? everyFile(path.join(dir, d.name)) : [path.join(dir, d.name)]
      );
  const text = everyFile(out).filter((f) => /\.(js|html|xml|map)$/.test(f));
  expect(text.length).toBeGreaterThan(20);
  const naming = text.filter((f) =>
    fs.readFileSync(f, "utf8").includes("appsforoffice.microsoft.com")
  );
  expect(naming.map((f) => path.relative(out, f))).toEqual([]);
});

describe("in Chromium, served from a folder of an intranet server", () => {
  let server: http.Server;
  let origin = "";
  let browser: Browser;
  const missing = new Set<string>();

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const name = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
      const rel = name.startsWith("/addin/") ? name.slice("/addin/".length) : "";
      const file = path.join(out, rel);
      if (!rel || missing.has(rel) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
        res.writeHead(404);
        res.end();
        return;
      }
      const type = file.endsWith(".html") ? "text/html; charset=utf-8" : "text/javascript";
      res.writeHead(200, { "Content-Type": type });
      fs.createReadStream(file).pipe(res);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
    origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    server.closeAllConnections();
    server.close();
  });

  /** Opens the pane, recording every request it makes. */
  async function open(init?: string): Promise<{ page: Page; requests: string[] }> {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    if (init) await page.addInitScript(init);
    await page.goto(`${origin}/addin/taskpane.html`);
    return { page, requests };
  }

  test("opened in a plain browser: office.js loads from the add-in's folder, the pane says there is no Excel and points to the 网页版", async () => {
    const { page, requests } = await open();
    const alert = page.getByText("此页面是在浏览器中直接打开的", { exact: false });
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.textContent()).toContain("网页版（dist-web/index.html）");
    await page.waitForLoadState("networkidle");
    expect(requests).toContain(`${origin}/addin/office/office.js`);
    expect(requests.filter((u) => !u.startsWith(`${origin}/addin/`))).toEqual([]);
    expect(await page.getByText("没有在 Excel 中运行（找不到 Office.js）").count()).toBe(0);
    await page.close();
  }, 60_000);

  test("office.js missing from the server: the pane names its address and the deployment", async () => {
    missing.add("office/office.js");
    try {
      const { page } = await open();
      const alert = page.getByText("无法加载 Office.js", { exact: false });
      await alert.waitFor({ timeout: 30_000 });
      const text = (await alert.textContent()) ?? "";
      expect(text).toContain(`（来自 ${origin}/addin/office/office.js）`);
      expect(text).toContain("缺少这个文件");
      await page.close();
    } finally {
      missing.delete("office/office.js");
    }
  }, 60_000);

  test("an engine without ES2017's built-ins (as Internet Explorer 11) gets the ES5 page's message, not a blank pane", async () => {
    const { page } = await open("delete Object.entries;");
    await page.waitForLoadState("networkidle");
    const container = page.locator("#container");
    expect(await container.getAttribute("role")).toBe("alert");
    const text = (await container.textContent()) ?? "";
    expect(text).toContain("此版本的 Excel 无法运行本加载项");
    expect(text).toContain("网页版");
    expect(text).toContain("Excel 2021");
    // the pane's scripts ran and left it in place (no pane rendered over it)
    expect(await page.getByRole("button").count()).toBe(0);
    await page.close();
  }, 60_000);
});
