/**
 * What the pane says when Office.js does not reach Excel (issue 19): not loaded from Microsoft's
 * CDN (an intranet) or from the local build's own folder, loaded in a plain browser, in another
 * Office program, or silent; and nothing when it is in Excel. The built page is tested in Chromium
 * by test/build/oldWebviews.test.ts and test/build/bundle.test.ts.
 */
import {
  detectOfficeLoad,
  officeLoadMessage,
  type OfficePage,
  type ReadyInfo,
} from "../../src/taskpane/officeLoad";

const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const ADDIN = "https://intranet.example.gov.cn/selfeval/taskpane.html";

const page = (officeJsSrc: string, answer: ReadyInfo | null | "none"): OfficePage => ({
  officeJsSrc,
  pageOrigin: ADDIN,
  onReady: answer === "none" ? null : () => Promise.resolve(answer),
});

test("office.js not loaded from Microsoft's CDN: names the address and the network, points to the local build and the 网页版", async () => {
  const load = await detectOfficeLoad(page(CDN, "none"));
  expect(load).toEqual({ kind: "not-loaded", src: CDN });
  const text = officeLoadMessage(load, ADDIN) ?? "";
  expect(text).toContain(`无法加载 Office.js（来自 ${CDN}）`);
  expect(text).toContain("网络无法访问微软服务器");
  expect(text).toContain("本地版");
  expect(text).toContain("dist-web/index.html");
  expect(text).not.toContain("没有在 Excel 中运行");
});

test("office.js not loaded from the add-in's own server: says the deployment lacks it", async () => {
  const src = "https://intranet.example.gov.cn/selfeval/office/office.js";
  const text = officeLoadMessage(await detectOfficeLoad(page(src, "none")), ADDIN) ?? "";
  expect(text).toContain(`无法加载 Office.js（来自 ${src}）`);
  expect(text).toContain("缺少这个文件");
  expect(text).not.toContain("微软服务器");
});

test("office.js loaded in a plain browser (no host): says so and points to the 网页版", async () => {
  const load = await detectOfficeLoad(page(CDN, { host: null }));
  expect(load).toEqual({ kind: "no-host" });
  const text = officeLoadMessage(load, ADDIN) ?? "";
  expect(text).toContain("在浏览器中直接打开");
  expect(text).toContain("网页版（dist-web/index.html）");
});

test("in another Office program, and when Office.onReady never answers", async () => {
  const word = await detectOfficeLoad(page(CDN, { host: "Word" }));
  expect(officeLoadMessage(word, ADDIN)).toBe("本加载项只能在 Excel 中运行，当前程序是 Word。");
  const silent = await detectOfficeLoad(page(CDN, null));
  expect(silent).toEqual({ kind: "no-answer", src: CDN });
  expect(officeLoadMessage(silent, ADDIN)).toContain(`Office.js 已加载（来自 ${CDN}）`);
});

test("in Excel: no message, the pane asks Excel", async () => {
  const load = await detectOfficeLoad(page(CDN, { host: "Excel" }));
  expect(load).toEqual({ kind: "excel" });
  expect(officeLoadMessage(load, ADDIN)).toBeNull();
});
