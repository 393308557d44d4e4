import type { CellEdit } from "../../form/plan";
import { PackageParts } from "./package/parts";
import { Package, openPackage } from "./package/opc";
import { Workbook } from "./package/workbook";
import { applySheetEdits } from "./package/cells";
import { addSheet, validateSheetName } from "./package/newSheet";
import type { NewSheet, WritePackageOptions } from "./package/types";
import { writeZip } from "./package/zipWrite";

export type { NewSheet, NewSheetCell, WritePackageOptions } from "./package/types";
export { shiftFormula } from "./package/formula";

/**
 * Writing a scored copy straight into the original OOXML package, so that nothing of the input is
 * lost (ExcelJS drops charts, customXml, pivot tables, VBA… — toolchain.md).
 *
 * The package is the reader's index (package/parts.ts: the zip through the platform's codec, raw entries kept
 * compressed). Only the parts an edit needs are opened for editing: each as a read-only index of
 * its elements' offsets (package/xmlIndex.ts, htmlparser2's tokenizer; a sheet's is the one the
 * reader made) plus its text, to which every edit is a splice (package/xmlDoc.ts, magic-string).
 * Rewritten are only the edited sheets' XML, styles.xml, the comments and VML parts of sheets
 * whose notes change, workbook.xml and its rels, [Content_Types].xml, docProps/app.xml,
 * calcChain.xml when a formula goes; every other part is copied byte for byte (still compressed),
 * and inside the rewritten parts every byte no edit touches stays as it was, by construction.
 * Parts made here start as text: new sheets and charts whole; a sheet's first comments and VML,
 * a missing styles part or rels part as their minimal text, then edited like any other.
 *
 * The modules, one responsibility each (package/): zip.ts, zipWrite.ts (the container;
 * zipNode.ts and zipBrowser.ts + zipDirectory.ts the codecs, platformCodec.ts the one in use), parts.ts
 * (the index both sides share), opc.ts (parts, relationships, content types being written),
 * workbook.ts (sheets, defined names, calc chain), styles.ts, sheetXml.ts + cells.ts (cell edits,
 * shared formulas), comments.ts + vmlParts.ts + vmlEditors.ts + sheetMetrics.ts (notes, sized to
 * their text), newSheet.ts (with ../sheetLayoutXml.ts for a laid-out sheet), chart.ts;
 * xmlIndex.ts + xmlIndexBuilder.ts, xmlDoc.ts, xmlNode.ts, xmlText.ts, xmlHelpers.ts the XML part
 * editing; xml.ts and
 * read*.ts the reader's side.
 */

/** Every part name in the package (zip entries that are not folders), in package order. */
export async function listParts(input: Uint8Array): Promise<string[]> {
  const parts = await openPackage(input);
  return parts.archive.entries.filter((e) => !e.dir).map((e) => e.name);
}

/** The input package with the cell edits applied and the new sheets added (see the module comment). */
export async function writePackage(
  input: Uint8Array | PackageParts,
  edits: readonly CellEdit[],
  newSheets: readonly NewSheet[],
  options: WritePackageOptions = {}
): Promise<Uint8Array> {
  const pkg = new Package(await openPackage(input));
  const wb = await Workbook.open(pkg);

  for (const name of options.replaceSheets ?? []) {
    const sheet = wb.find(name);
    if (sheet) await wb.removeSheet(sheet);
  }

  const bySheet = new Map<string, CellEdit[]>();
  for (const e of edits) {
    const list = bySheet.get(e.sheet);
    if (list) list.push(e);
    else bySheet.set(e.sheet, [e]);
  }
  for (const [name, list] of bySheet) {
    const sheet = wb.find(name);
    if (!sheet) throw new Error(`工作簿中没有工作表“${name}”，无法写入 ${list[0].address}`);
    await applySheetEdits(pkg, wb, sheet, list);
  }

  const taken = new Set(wb.sheets().map((s) => s.name.toLowerCase()));
  for (const spec of newSheets) {
    validateSheetName(spec.name, taken);
    taken.add(spec.name.toLowerCase());
    await addSheet(pkg, wb, spec);
  }

  await wb.finish();
  await pkg.flush();
  return writeZip(
    pkg.index.archive,
    pkg.written,
    pkg.removed,
    pkg.index.codec,
    options.archiveComment
  );
}
