/**
 * The members of WPS's object model the fake answers, object by object, each list checked by the
 * compiler against the interface wps-jsapi publishes (`satisfies readonly (keyof Et.EtRange)[]`):
 * a name WPS does not have does not compile here, and a name not listed throws in the fake
 * (strict.ts), where WPS itself would silently give `undefined` or ignore the write.
 */
/// <reference types="wps-jsapi" />

export const APPLICATION = [
  "ActiveWorkbook",
  "ActiveSheet",
  "EnableEvents",
  "ScreenUpdating",
  "DisplayAlerts",
] as const satisfies readonly (keyof Et.EtApplication)[];

export const WORKBOOK = [
  "Worksheets",
  "ActiveSheet",
  "Name",
  "FullName",
] as const satisfies readonly (keyof Et.EtWorkbook)[];

export const WORKSHEETS = [
  "Count",
  "Item",
  "Add",
] as const satisfies readonly (keyof Et.EtWorksheets)[];

export const WORKSHEET = [
  "Name",
  "Index",
  "Visible",
  "ProtectContents",
  "UsedRange",
  "Range",
  "Comments",
  "ChartObjects",
  "Activate",
  "Delete",
] as const satisfies readonly (keyof Et.EtWorksheet)[];

export const RANGE = [
  "Address",
  "Row",
  "Column",
  "Rows",
  "Columns",
  "Count",
  "Value2",
  "Formula",
  "NumberFormat",
  "MergeCells",
  "MergeArea",
  "Interior",
  "Font",
  "ColumnWidth",
  "Comment",
  "AddComment",
  "ClearComments",
  "Select",
  "Worksheet",
] as const satisfies readonly (keyof Et.EtRange)[];

export const INTERIOR = ["Color", "ColorIndex"] as const satisfies readonly (keyof Et.EtInterior)[];

export const FONT = ["Bold"] as const satisfies readonly (keyof Et.EtFont)[];

export const COMMENT = [
  "Text",
  "Delete",
  "Parent",
] as const satisfies readonly (keyof Et.EtComment)[];

export const COMMENTS = ["Count", "Item"] as const satisfies readonly (keyof Et.EtComments)[];

export const CHART_OBJECTS = [
  "Add",
  "Count",
] as const satisfies readonly (keyof Et.EtChartObjects)[];

export const CHART_OBJECT = ["Chart"] as const satisfies readonly (keyof Et.EtChartObject)[];

export const CHART = [
  "SetSourceData",
  "ChartType",
  "HasTitle",
  "ChartTitle",
] as const satisfies readonly (keyof Et.EtChart)[];

export const CHART_TITLE = ["Text"] as const satisfies readonly (keyof Et.EtChartTitle)[];

/** Excel's and WPS's enumerations the add-in uses (XlSheetVisibility, XlColorIndex, XlChartType). */
export const XL = {
  sheetVisible: -1,
  sheetHidden: 0,
  sheetVeryHidden: 2,
  colorIndexNone: -4142,
  columnClustered: 51,
  /** What Interior.Color reads where a cell has no fill (white, as in Excel). */
  noFillColor: 16777215,
} as const;
