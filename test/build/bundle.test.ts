/**
 * The task pane as it ships (a production webpack build): its initial JavaScript stays within the
 * gzip budget and holds no scoring code (that is a chunk loaded after the first render, issue 12),
 * Office.js comes from Microsoft's CDN by a script tag and is not bundled, the page loads only its
 * own script besides, and the chunks come from the folder taskpane.js came from.
 */
import * as fs from "fs";
import * as http from "http";
import * as os from "os";
import * as path from "path";
import { launchChromium } from "../support/browser";
import { BUNDLE_BUDGET_KB, buildProduction, gzipKB, readBuilt } from "../support/bundle";

const out = fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-bundle-"));

beforeAll(() => buildProduction(out), 180_000);
afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

test(`taskpane.js is at most ${BUNDLE_BUDGET_KB} KB gzip`, () => {
  const js = readBuilt(out, "taskpane.js");
  const kb = gzipKB(js);
  console.log(`taskpane.js: ${js.length} bytes, ${kb} KB gzip (budget ${BUNDLE_BUDGET_KB} KB)`);
  expect(kb).toBeGreaterThan(0);
  expect(kb).toBeLessThanOrEqual(BUNDLE_BUDGET_KB);
});

test("office.js is loaded from Microsoft's CDN by taskpane.html, never bundled", () => {
  const html = readBuilt(out, "taskpane.html").toString("utf8");
  const scripts = [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"'\s>]+)/g)].map((m) => m[1]);
  expect(scripts).toEqual([
    "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
    "taskpane.js",
  ]);
  // every module in the bundle, by its source map: none is Office.js (the office-js package)
  const map = JSON.parse(readBuilt(out, "taskpane.js.map").toString("utf8")) as {
    sources: string[];
  };
  expect(map.sources.some((s) => s.includes("src/taskpane/index.tsx"))).toBe(true);
  expect(map.sources.filter((s) => /office-js|office\.js|office\.debug\.js/i.test(s))).toEqual([]);
});

/** The original sources a built file was made from, by its source map, relative to the project. */
function sourcesOf(file: string): string[] {
  const map = JSON.parse(readBuilt(out, `${file}.map`).toString("utf8")) as { sources: string[] };
  return map.sources.map((s) => s.replace(/^webpack:\/\/[^/]*\//, "").replace(/^\.\//, ""));
}

const chunks = (): string[] =>
  fs
    .readdirSync(out)
    .filter((f) => f.endsWith(".js") && f !== "taskpane.js" && f !== "commands.js");

test("the scoring code is not in taskpane.js but in a chunk of its own", () => {
  const initial = sourcesOf("taskpane.js");
  // what the first render needs is there: the pane, its shell of the gateway, the 规则
  for (const s of [
    "src/taskpane/TaskPane.tsx",
    "src/taskpane/lazyGateway.ts",
    "src/host/excel/settings.ts",
  ])
    expect(initial).toContain(s);
  // what only an action needs is not: engine, recognition, plan, the gateway, decimal.js, docx, the result view
  const heavy = (s: string): boolean =>
    /^src\/(engine\/score|form\/|report\/|host\/excel\/gateway)|node_modules\/(decimal\.js|docx)\/|components\/ResultView/.test(
      s
    );
  expect(initial.filter(heavy)).toEqual([]);
  const later = chunks().flatMap((f) => sourcesOf(f));
  expect(later.filter(heavy).length).toBeGreaterThan(20); // the pattern finds what it looks for
  expect(later).toEqual(
    expect.arrayContaining(["src/host/excel/gateway.ts", "src/form/pipeline.ts"])
  );
  expect(later.some((s) => s.includes("node_modules/decimal.js/"))).toBe(true);
  expect(later).toContain("src/taskpane/components/ResultView.tsx");
  expect(fs.existsSync(path.join(out, "scoring.js"))).toBe(true);
  const total = [readBuilt(out, "taskpane.js"), ...chunks().map((f) => readBuilt(out, f))];
  const kb = total.reduce((sum, js) => sum + gzipKB(js), 0);
  console.log(
    `taskpane.js ${gzipKB(readBuilt(out, "taskpane.js"))} KB gzip at first; ${kb.toFixed(1)} KB with its ${chunks().length} chunks`
  );
});

test("in a browser, the pane loads its chunks from its own origin and folder", async () => {
  // the built add-in served under a folder, as a host would; office.js (Microsoft's CDN) answered empty
  const server = http.createServer((req, res) => {
    const name = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const file = name.startsWith("/addin/") ? path.join(out, name.slice("/addin/".length)) : "";
    if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, {
      "Content-Type": file.endsWith(".html") ? "text/html; charset=utf-8" : "text/javascript",
    });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.route("https://appsforoffice.microsoft.com/**", (route) =>
      route.fulfill({ status: 200, contentType: "text/javascript", body: "" })
    );
    const scripts: { url: string; status: number }[] = [];
    page.on("response", (r) => {
      if (r.url().endsWith(".js")) scripts.push({ url: r.url(), status: r.status() });
    });
    const scoring = page.waitForResponse((r) => r.url().endsWith("/scoring.js"));
    await page.goto(`${origin}/addin/taskpane.html`);
    await page.getByRole("heading", { name: "绩效自评" }).waitFor();
    expect((await scoring).status()).toBe(200);
    await page.waitForLoadState("networkidle");
    const ours = scripts.filter((s) => !s.url.startsWith("https://appsforoffice.microsoft.com/"));
    expect(ours.map((s) => s.url)).toEqual(
      expect.arrayContaining([
        `${origin}/addin/taskpane.js`,
        `${origin}/addin/scoring.js`,
        `${origin}/addin/result-view.js`,
      ])
    );
    for (const s of ours) {
      expect(s.url.startsWith(`${origin}/addin/`)).toBe(true);
      expect(s.status).toBe(200);
    }
  } finally {
    await browser.close();
    server.closeAllConnections();
    server.close();
  }
}, 120_000);
