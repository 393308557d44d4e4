/**
 * Whether the pane reached Excel through Office.js, and if not why, in words an accountant or the
 * administrator can act on (issue 19): office.js did not load (an intranet that cannot reach
 * Microsoft's CDN, or a local build missing its copy), it loaded outside Office (the page opened in
 * a plain browser), in another Office program, or it never answered.
 */

/** Where the 网页版 is, named to the accountant (the administrator deploys it beside the add-in). */
export const WEB_VERSION = "网页版（dist-web/index.html）";

/** How long Office.onReady may take before the pane says Office.js did not start. */
export const OFFICE_READY_TIMEOUT_MS = 15_000;

export type OfficeLoad =
  | { readonly kind: "excel" }
  | { readonly kind: "not-loaded"; readonly src: string }
  | { readonly kind: "no-host" }
  | { readonly kind: "other-host"; readonly host: string }
  | { readonly kind: "no-answer"; readonly src: string };

/** What Office.onReady answers, as much of it as is read here. */
export interface ReadyInfo {
  readonly host: string | null;
}

/** What the page offers to tell the load: the office.js script and the Office global, if any. */
export interface OfficePage {
  readonly officeJsSrc: string;
  readonly pageOrigin: string;
  readonly onReady: ((timeoutMs: number) => Promise<ReadyInfo | null>) | null;
}

/** The load as the page shows it: Office.onReady's answer, or why there is none. */
export async function detectOfficeLoad(
  page: OfficePage,
  timeoutMs = OFFICE_READY_TIMEOUT_MS
): Promise<OfficeLoad> {
  if (!page.onReady) return { kind: "not-loaded", src: page.officeJsSrc };
  const info = await page.onReady(timeoutMs);
  if (!info) return { kind: "no-answer", src: page.officeJsSrc };
  if (info.host === null || info.host === undefined) return { kind: "no-host" };
  if (String(info.host).toLowerCase() !== "excel") return { kind: "other-host", host: info.host };
  return { kind: "excel" };
}

/** Whether office.js was to come from the add-in's own server (the local build) rather than a CDN. */
function fromOwnServer(src: string, pageOrigin: string): boolean {
  try {
    return new URL(src, pageOrigin).origin === new URL(pageOrigin).origin;
  } catch {
    return false;
  }
}

/** Why the pane cannot use Excel, in Chinese, or null when it can. */
export function officeLoadMessage(load: OfficeLoad, pageOrigin: string): string | null {
  switch (load.kind) {
    case "excel":
      return null;
    case "not-loaded":
      return fromOwnServer(load.src, pageOrigin)
        ? `无法加载 Office.js（来自 ${load.src}）：加载项所在的服务器上缺少这个文件，可能是部署不完整。` +
            `请联系管理员按说明重新部署本地版（OFFICE_JS=local 构建的 dist 文件夹全部内容）。` +
            `不用 Excel 时，可在浏览器中使用${WEB_VERSION}。`
        : `无法加载 Office.js（来自 ${load.src}），可能是网络无法访问微软服务器（如政务内网）。` +
            `请联系管理员改用本地版（OFFICE_JS=local 构建，Office.js 随加载项放在内网服务器上）；` +
            `不用 Excel 时，可在浏览器中使用${WEB_VERSION}。`;
    case "no-host":
      return (
        `此页面是在浏览器中直接打开的，没有在 Excel 中运行（Office.js 已加载，但没有 Excel）。` +
        `请在 Excel 的“开始 > 加载项”中打开“绩效自评”；不用 Excel 时，可使用${WEB_VERSION}，` +
        `在浏览器中为 .xlsx 文件评分，文件不会上传。`
      );
    case "other-host":
      return `本加载项只能在 Excel 中运行，当前程序是 ${load.host}。`;
    case "no-answer":
      return (
        `Office.js 已加载（来自 ${load.src}），但 ${OFFICE_READY_TIMEOUT_MS / 1000} 秒内没有与 Excel 建立连接，` +
        `可能是 Office.js 的其余文件无法访问。请关闭并重新打开任务窗格；仍然如此时，请联系管理员检查网络或改用本地版。`
      );
  }
}
