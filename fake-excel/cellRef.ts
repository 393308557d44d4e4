/**
 * A cell that a note or a comment is anchored to: given as a Range proxy or an address string
 * (optionally sheet-qualified, on the worksheet of a worksheet's collection), resolved at sync.
 */
import { toAddress as cellAddress, splitSheet } from "../src/address";
import { FakeOfficeError } from "./errors";
import { normalizeLocal, type DocumentModel, type SheetModel } from "./model";
import { FakeRange } from "./range";
import type { FakeWorksheet } from "./worksheet";

export interface CellRef {
  readonly sheet: SheetModel;
  readonly address: string; // local, normalized ("H6")
}

/** A cell given as a Range proxy or an address string, resolved at sync. */
export function resolveCell(
  doc: DocumentModel,
  scope: FakeWorksheet | null,
  cell: FakeRange | string,
  label: string,
  invalid = "InvalidArgument"
): CellRef {
  if (cell instanceof FakeRange) {
    const t = cell.need();
    if (t.rect.top !== t.rect.bottom || t.rect.left !== t.rect.right)
      throw new FakeOfficeError(invalid, "The range must be a single cell.", label);
    return { sheet: t.sheet, address: cellAddress(t.rect.top, t.rect.left) };
  }
  const { sheet, local } = splitSheet(cell);
  const s = sheet !== null ? doc.byName(sheet) : scope?.need();
  const address = normalizeLocal(local);
  if (!s || !address)
    throw new FakeOfficeError(invalid, `The cell address '${cell}' is not valid.`, label);
  if (scope && s !== scope.need())
    throw new FakeOfficeError(invalid, `The cell '${cell}' is not on this worksheet.`, label);
  return { sheet: s, address };
}
