import {
  AlignmentType,
  Document,
  Footer,
  HighlightColor,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  TextRun,
  type IRunOptions,
} from "docx";
import {
  A4,
  BODY_PT,
  FIRST_LINE_INDENT,
  FONTS,
  HEADING_PT,
  LINE_TWIPS,
  MARGINS,
  TITLE_PT,
  SIZE_PT,
} from "./layout";
import type { Block, ReportModel, Run } from "./model";
import { CHECK_TITLE } from "./words";

/**
 * The 自评报告 model as a .docx (the `docx` library: the same code in Node and in a browser).
 * Placeholders are highlighted yellow so that none is handed in unnoticed; 提交前请核对 comes last,
 * on its own page, apart from the report's body.
 */
const font = (eastAsia: string): IRunOptions["font"] => ({
  eastAsia,
  ascii: FONTS.latin,
  hAnsi: FONTS.latin,
  cs: FONTS.latin,
});

const half = (pt: number): number => pt * 2;

function runs(list: readonly Run[], face: string, pt: number, bold = false): TextRun[] {
  return list.map(
    (r) =>
      new TextRun({
        text: r.text,
        font: font(face),
        size: half(pt),
        bold,
        ...(r.placeholder ? { highlight: HighlightColor.YELLOW } : {}),
      })
  );
}

const spacing = { line: LINE_TWIPS };

function title(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { ...spacing, after: LINE_TWIPS / 2 },
    children: runs([{ text }], FONTS.title, TITLE_PT, true),
  });
}

function heading(text: string, centered = false): Paragraph {
  return new Paragraph({
    alignment: centered ? AlignmentType.CENTER : AlignmentType.LEFT,
    indent: centered ? undefined : { firstLine: FIRST_LINE_INDENT },
    spacing,
    keepNext: true,
    children: runs([{ text }], FONTS.heading, HEADING_PT),
  });
}

function body(list: readonly Run[]): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: FIRST_LINE_INDENT, firstLineChars: 200 },
    spacing,
    children: runs(list, FONTS.body, BODY_PT),
  });
}

function block(b: Block): Paragraph {
  return b.kind === "paragraph" ? body(b.runs) : heading(b.runs.map((r) => r.text).join(""));
}

function pageBreak(): Paragraph {
  return new Paragraph({ children: [new PageBreak()] });
}

export function reportDocument(model: ReportModel): Document {
  const children: Paragraph[] = [
    title(model.title),
    heading("项目支出绩效自评总体情况"),
    body(model.unit),
  ];
  for (const p of model.projects) {
    children.push(pageBreak(), heading(p.title, true), ...p.blocks.map(block));
  }
  const checked = model.projects.filter((p) => p.checks.length > 0);
  if (checked.length) {
    children.push(pageBreak(), heading(CHECK_TITLE, true));
    for (const p of checked) {
      children.push(heading(p.title));
      for (const c of p.checks)
        children.push(body([{ text: `${c.sheet}!${c.cell}：${c.message}` }]));
    }
  }
  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            children: ["— ", PageNumber.CURRENT, " —"],
            font: font(FONTS.latin),
            size: half(SIZE_PT.四号),
          }),
        ],
      }),
    ],
  });
  return new Document({
    creator: "绩效自评",
    title: model.title,
    styles: {
      default: {
        document: { run: { font: font(FONTS.body), size: half(BODY_PT) }, paragraph: { spacing } },
      },
    },
    sections: [
      {
        properties: { page: { size: A4, margin: { ...MARGINS, header: 851, footer: 992 } } },
        footers: { default: footer },
        children,
      },
    ],
  });
}

/** The .docx bytes (Node and browsers alike). */
export async function reportDocx(model: ReportModel): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(reportDocument(model)));
}

/** A Blob for a download link in the task pane. */
export function reportDocxBlob(model: ReportModel): Promise<Blob> {
  return Packer.toBlob(reportDocument(model));
}
