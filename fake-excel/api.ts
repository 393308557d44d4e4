/**
 * The proxy objects of the fake Excel JavaScript API, behaving as Office.js does:
 *
 * - A proxy is a path to something in the document; nothing is read or written when it is made.
 * - `load()` queues a read; scalar properties throw PropertyNotLoaded until a load of them has
 *   been followed by `context.sync()` (a property that was only set is not readable either).
 * - Setting a property or calling a method queues an action; the document changes only when
 *   `context.sync()` runs the queue, in order. A failing action rejects the sync; the actions
 *   before it stay applied, the ones after it are dropped (Excel runs a batch, it is no transaction).
 * - An API of a newer requirement set than the fake is configured for fails at sync with
 *   ApiNotFound, as on an older Excel.
 * - A proxy belongs to its request context; using it after its `Excel.run` ended fails.
 *
 * Payload sizes are estimated per sync: a request larger than the limit is refused before anything
 * runs; a response larger than it fails after the actions ran (as Excel on the web does).
 *
 * This module is the fake's Excel API as one import; the proxies live in their own modules:
 *
 * - host.ts: what the proxies need of the fake as a whole, the actions, JSON payload bytes
 * - context.ts: the request context (action queue, requirement sets, sync)
 * - proxy.ts: the base proxy and collection (load paths, property-not-loaded), client results
 * - workbook.ts: the workbook, its worksheet collection, event handlers
 * - worksheet.ts: a worksheet, its protection and page layout
 * - range.ts, rangeTarget.ts, rangeFormat.ts, rangeAreas.ts: ranges, what they point at and the
 *   write checks, format (fill, font), merged areas
 * - annotations.ts, cellRef.ts: notes and threaded comments, the cell they are anchored to
 * - charts.ts: charts
 *
 * format.ts and cellLook.ts add further APIs to these proxies (module augmentation).
 */
export { containsRect as contains, intersects } from "../src/address";
export {
  jsonBytes,
  type Action,
  type ActionResult,
  type ChangeRecord,
  type FakeHost,
  type Handler,
  type SyncRecord,
} from "./host";
export { FakeContext } from "./context";
export { FakeClientResult, FakeCollection, FakeObject, type LoadSpec } from "./proxy";
export { FakeEventHandlers, FakeWorkbook, FakeWorksheetCollection } from "./workbook";
export { FakePageLayout, FakeWorksheet, FakeWorksheetProtection } from "./worksheet";
export { FakeRange } from "./range";
export type { RangeTarget } from "./rangeTarget";
export { FakeRangeFill, FakeRangeFont, FakeRangeFormat } from "./rangeFormat";
export { FakeRangeAreas, FakeRangeCollection, type AreasTarget } from "./rangeAreas";
export { FakeComment, FakeCommentCollection, FakeNote, FakeNoteCollection } from "./annotations";
export { FakeChart, FakeChartCollection } from "./charts";
