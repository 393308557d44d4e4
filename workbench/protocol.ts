/** What the workbench server sends its page at /workbook.json. */
import type { DocumentData } from "../fake-excel/model";

export type WorkbookPayload =
  | {
      /** The workbook's file name. */
      readonly name: string;
      /** The highest ExcelApi requirement set the fake Excel offers. */
      readonly excelApi: string;
      readonly document: DocumentData;
    }
  | { readonly error: string };
