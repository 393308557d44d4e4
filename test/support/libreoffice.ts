/**
 * LibreOffice headless for the render tests: copies of a workbook prepared for printing (one sheet
 * visible, or every sheet with its name in the page header), converted to PDF by ONE soffice
 * process with its own profile, pages counted and read with poppler (pdfinfo, pdftotext, pdftoppm).
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import JSZip from "jszip";
import * as os from "os";
import * as path from "path";

/** A page-header marker around the sheet name, to tell which sheet printed a page. */
export const SHEET_MARK = "@@";

async function sheetParts(zip: JSZip): Promise<{ name: string; part: string }[]> {
  const wb = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
  const rels = (await zip.file("xl/_rels/workbook.xml.rels")?.async("string")) ?? "";
  const target = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const t = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && t) target.set(id, t.startsWith("/") ? t.slice(1) : `xl/${t}`);
  }
  return [...wb.matchAll(/<sheet\b[^>]*>/g)].map((m) => ({
    name: unescape(/\bname="([^"]*)"/.exec(m[0])?.[1] ?? ""),
    part: target.get(/\br:id="([^"]+)"/.exec(m[0])?.[1] ?? "") ?? "",
  }));
}

function unescape(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** Set which sheets are visible (the active tab the first of them); the others hidden. */
function showOnly(wb: string, visible: (name: string) => boolean): string {
  let index = 0;
  let active = -1;
  const out = wb.replace(/<sheet\b[^>]*>/g, (tag) => {
    const name = unescape(/\bname="([^"]*)"/.exec(tag)?.[1] ?? "");
    const i = index++;
    const bare = tag.replace(/\sstate="[^"]*"/, "");
    if (visible(name)) {
      if (active < 0) active = i;
      return bare;
    }
    return bare.replace("<sheet", '<sheet state="hidden"');
  });
  const view = `<bookViews><workbookView activeTab="${Math.max(active, 0)}" firstSheet="${Math.max(active, 0)}"/></bookViews>`;
  const cleaned = out.replace(/<bookViews>[\s\S]*?<\/bookViews>|<bookViews\/>/, "");
  return cleaned.replace(/<sheets>/, `${view}<sheets>`);
}

/**
 * A copy in which only the sheets `visible` accepts print; with `markHeaders`, every sheet's page
 * header is its name between SHEET_MARKs (the same change on input and output, so page counts compare).
 */
export async function printCopy(
  input: Buffer,
  visible: (name: string) => boolean,
  markHeaders: boolean
): Promise<Buffer> {
  const zip = await JSZip.loadAsync(input);
  const wb = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
  zip.file("xl/workbook.xml", showOnly(wb, visible));
  if (markHeaders) {
    for (const { part } of await sheetParts(zip)) {
      const xml = await zip.file(part)?.async("string");
      if (!xml) continue;
      const header = `<headerFooter><oddHeader>&amp;C${SHEET_MARK}&amp;A${SHEET_MARK}</oddHeader></headerFooter>`;
      const next = /<headerFooter[\s\S]*?(<\/headerFooter>|\/>)/.test(xml)
        ? xml.replace(/<headerFooter[^>]*\/>|<headerFooter[\s\S]*?<\/headerFooter>/, header)
        : xml.replace(
            /(<(?:rowBreaks|colBreaks|customProperties|cellWatches|ignoredErrors|smartTags|drawing|legacyDrawing|legacyDrawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b|<\/worksheet>)/,
            `${header}$1`
          );
      zip.file(part, next);
    }
  }
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** Names of a workbook's sheets, in order, with their state. */
export async function sheetNames(input: Buffer): Promise<{ name: string; hidden: boolean }[]> {
  const zip = await JSZip.loadAsync(input);
  const wb = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
  return [...wb.matchAll(/<sheet\b[^>]*>/g)].map((m) => ({
    name: unescape(/\bname="([^"]*)"/.exec(m[0])?.[1] ?? ""),
    hidden: /\bstate="(hidden|veryHidden)"/.test(m[0]),
  }));
}

/** Convert every file to PDF in one soffice process; returns the PDF paths (same order). */
export function convertToPdf(files: readonly string[], outDir: string): string[] {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "lo-profile-"));
  try {
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        outDir,
        ...files,
      ],
      { stdio: "pipe", timeout: 600_000 }
    );
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  return files.map((f) => path.join(outDir, `${path.basename(f).replace(/\.xlsx$/i, "")}.pdf`));
}

export function pdfPages(pdf: string): number {
  const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? NaN);
}

/** Pages per sheet of a PDF printed from a printCopy with marked headers. */
export function pagesBySheet(pdf: string): Map<string, number> {
  const counts = new Map<string, number>();
  const pages = pdfPages(pdf);
  for (let p = 1; p <= pages; p++) {
    const text = execFileSync("pdftotext", ["-f", String(p), "-l", String(p), pdf, "-"], {
      encoding: "utf8",
    });
    const m = new RegExp(`${SHEET_MARK}([\\s\\S]*?)${SHEET_MARK}`).exec(text);
    const name = m ? m[1].replace(/\s+/g, "") : "（无页眉）";
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return counts;
}

/** PNGs of a PDF's first `pages` pages: `<prefix>-1.png`… */
export function renderPng(pdf: string, prefix: string, pages: number, dpi = 80): string[] {
  execFileSync("pdftoppm", [
    "-r",
    String(dpi),
    "-png",
    "-f",
    "1",
    "-l",
    String(pages),
    pdf,
    prefix,
  ]);
  const dir = path.dirname(prefix);
  const base = path.basename(prefix);
  return fs
    .readdirSync(dir)
    .filter((f) => f.startsWith(`${base}-`) && f.endsWith(".png"))
    .map((f) => path.join(dir, f))
    .sort();
}
