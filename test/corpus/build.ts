import ExcelJS from "exceljs";
import type { CorpusForm } from "./types";

/**
 * The transcription as an .xlsx workbook: one sheet, the printed cells and merges, numbers with the
 * format they are shown in. Built in memory, so the test reads it through the real ExcelJS reader.
 */
export async function buildCorpusWorkbook(form: CorpusForm): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(form.sheet);
  form.rows.forEach((cells, r) =>
    cells.forEach((cell, c) => {
      if (cell === null || cell === "") return;
      const target = ws.getCell(r + 1, c + 1);
      if (typeof cell === "object") {
        target.value = cell.n;
        target.numFmt = cell.fmt;
      } else {
        target.value = cell;
      }
    })
  );
  for (const range of form.merges) ws.mergeCells(range);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
