/**
 * 提交前请核对 in the .docx as one compact table a project (issue 21: as paragraphs in 三号 it ran
 * to six pages on 丰台): the cell in one column, the prompt without its sheet and cell in the
 * other, in 五号 with single spacing. Not part of the report's body.
 */
import { AlignmentType, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from "docx";
import { SIZE_PT } from "./layout";
import type { CheckItem } from "./model";
import { CHECK_HEADER } from "./words";

const half = (pt: number): number => pt * 2;

function cell(t: string, width: number, bold = false): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.PERCENTAGE },
    children: [
      new Paragraph({
        alignment: AlignmentType.LEFT,
        spacing: { line: 240 },
        children: [new TextRun({ text: t, bold, size: half(SIZE_PT.五号) })],
      }),
    ],
  });
}

/** The prompt's text without the "Sheet!H6 " it opens with (the table's first column says it). */
export function checkMessage(c: CheckItem): string {
  const at = `${c.sheet}!${c.cell}`;
  return c.message.startsWith(at) ? c.message.slice(at.length).trim() : c.message;
}

export function checksTable(checks: readonly CheckItem[]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: [cell(CHECK_HEADER[0], 12, true), cell(CHECK_HEADER[1], 88, true)],
      }),
      ...checks.map(
        (c) => new TableRow({ children: [cell(c.cell, 12), cell(checkMessage(c), 88)] })
      ),
    ],
  });
}
