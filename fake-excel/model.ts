/**
 * The document behind the fake Excel: sheets of cells (value, formula, number format, fill, bold),
 * merged areas, notes, threaded comments, charts, the add-in's document settings. Plain data; the
 * proxies in api.ts read and change it only while a `context.sync()` runs.
 *
 * This module is the model as one import; its parts live in their own modules:
 *
 * - sheetModel.ts: a sheet, its sparse cells and what is anchored to them (notes, comments, charts)
 * - documentModel.ts: the document (sheets, saved settings, active sheet), as JSON data, its copy
 * - cellValues.ts: values as Excel types them (coercion), calculates and shows them, serial dates
 * - localAddress.ts: local cell addresses ("H6")
 */
export {
  emptyCell,
  SheetModel,
  type BorderLine,
  type CellLook,
  type CellModel,
  type ChartModel,
  type CommentModel,
  type NoteModel,
  type Scalar,
  type SheetLook,
  type Visibility,
} from "./sheetModel";
export { DocumentModel, type DocumentData } from "./documentModel";
export {
  coerceInput,
  displayText,
  evaluateFormula,
  isDateFormat,
  isoFromSerial,
  serialDate,
  type Coerced,
} from "./cellValues";
export { cellPosition, colNumber, normalizeLocal } from "./localAddress";
