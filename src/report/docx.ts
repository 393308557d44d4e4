import {
  AlignmentType,
  Document,
  Footer,
  HighlightColor,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
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
import { checksTable } from "./checksTable";
import { type Block, type ReportModel, type Run } from "./model";
import { CHECK_TITLE, SUMMARY_HEADER } from "./words";

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

/** Styles carry the fonts, sizes and indents (one definition, not one per run: a small, fast file). */
const STYLE = {
  title: "ReportTitle",
  heading: "ReportHeading",
  centered: "ReportCenteredHeading",
  body: "ReportBody",
} as const;

const spacing = { line: LINE_TWIPS };

const paragraphStyles = [
  {
    id: STYLE.title,
    name: "报告标题",
    basedOn: "Normal",
    run: { font: font(FONTS.title), size: half(TITLE_PT), bold: true },
    paragraph: { alignment: AlignmentType.CENTER, spacing: { ...spacing, after: LINE_TWIPS / 2 } },
  },
  {
    id: STYLE.heading,
    name: "报告标题一级",
    basedOn: "Normal",
    run: { font: font(FONTS.heading), size: half(HEADING_PT) },
    paragraph: { indent: { firstLine: FIRST_LINE_INDENT }, spacing, keepNext: true },
  },
  {
    id: STYLE.centered,
    name: "报告项目标题",
    basedOn: "Normal",
    run: { font: font(FONTS.heading), size: half(HEADING_PT) },
    paragraph: { alignment: AlignmentType.CENTER, spacing, keepNext: true },
  },
  {
    id: STYLE.body,
    name: "报告正文",
    basedOn: "Normal",
    run: { font: font(FONTS.body), size: half(BODY_PT) },
    paragraph: {
      alignment: AlignmentType.JUSTIFIED,
      indent: { firstLine: FIRST_LINE_INDENT, firstLineChars: 200 },
      spacing,
    },
  },
];

function runs(list: readonly Run[]): TextRun[] {
  return list.map((r) =>
    r.placeholder
      ? new TextRun({ text: r.text, highlight: HighlightColor.YELLOW })
      : new TextRun(r.text)
  );
}

const styled = (style: string, list: readonly Run[]): Paragraph =>
  new Paragraph({ style, children: runs(list) });

const title = (text: string): Paragraph => styled(STYLE.title, [{ text }]);
const heading = (text: string, centered = false): Paragraph =>
  styled(centered ? STYLE.centered : STYLE.heading, [{ text }]);
const body = (list: readonly Run[]): Paragraph => styled(STYLE.body, list);

function block(b: Block): Paragraph {
  return b.kind === "paragraph" ? body(b.runs) : heading(b.runs.map((r) => r.text).join(""));
}

function pageBreak(): Paragraph {
  return new Paragraph({ children: [new PageBreak()] });
}

/** What a caller adds to the document's properties (the command's source mark, issue 23). */
export interface DocxMeta {
  readonly description?: string;
}

/** The summary table (项目、全年预算数、执行数、执行率、总分、等级) in 仿宋 小四, one row a project. */
function summaryTable(model: ReportModel): Table[] {
  const rows = model.summary ?? [];
  if (rows.length === 0) return [];
  const cell = (t: string, bold = false): TableCell =>
    new TableCell({
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { line: 360 },
          children: [new TextRun({ text: t, bold, size: half(SIZE_PT.小四) })],
        }),
      ],
    });
  return [
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: SUMMARY_HEADER.map((h) => cell(h, true)) }),
        ...rows.map(
          (r) =>
            new TableRow({
              cantSplit: true,
              children: [r.project, r.annual, r.executed, r.rate, r.total, r.grade].map((t) =>
                cell(t)
              ),
            })
        ),
      ],
    }),
  ];
}

export function reportDocument(model: ReportModel, meta: DocxMeta = {}): Document {
  const children: (Paragraph | Table)[] = [
    title(model.title),
    heading("项目支出绩效自评总体情况"),
    body(model.unit),
    ...summaryTable(model),
  ];
  for (const p of model.projects) {
    // one project after another, as the units' own reports run (issue 21: no page per project)
    children.push(heading(p.title, true), ...p.blocks.map(block));
  }
  // 落款: a blank line, then the unit and the date right-aligned (GB/T 9704)
  if (model.closing?.length) children.push(new Paragraph({ style: STYLE.body, children: [] }));
  for (const line of model.closing ?? [])
    children.push(
      new Paragraph({ style: STYLE.body, alignment: AlignmentType.RIGHT, children: runs(line) })
    );
  const checked = model.projects.filter((p) => p.checks.length > 0);
  if (checked.length) {
    children.push(pageBreak(), heading(CHECK_TITLE, true));
    for (const p of checked)
      children.push(heading(`${p.title}（${p.sheet}）`), checksTable(p.checks));
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
    ...(meta.description ? { description: meta.description } : {}),
    styles: {
      default: {
        document: { run: { font: font(FONTS.body), size: half(BODY_PT) }, paragraph: { spacing } },
      },
      paragraphStyles,
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
export async function reportDocx(model: ReportModel, meta: DocxMeta = {}): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(reportDocument(model, meta)));
}

/** A Blob for a download link in the task pane. */
export function reportDocxBlob(model: ReportModel): Promise<Blob> {
  return Packer.toBlob(reportDocument(model));
}
