/**
 * The task pane as it ships (a production webpack build): its JavaScript stays within the gzip
 * budget, Office.js comes from Microsoft's CDN by a script tag and is not bundled, and the page
 * loads only its own script besides.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
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
