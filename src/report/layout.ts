/**
 * How a Chinese official document is laid out (党政机关公文格式, GB/T 9704), as data: A4, the title
 * in 宋体 二号, headings in 黑体 三号, the body in 仿宋 三号 with a two-character first-line indent,
 * page numbers in the footer. Fonts by the names Word on a Chinese Windows or Mac finds (the
 * eastAsia attribute); Latin digits in Times New Roman.
 */
export const FONTS = {
  title: "宋体",
  heading: "黑体",
  body: "仿宋",
  latin: "Times New Roman",
} as const;

/** Point sizes of the Chinese size names. */
export const SIZE_PT = { 二号: 22, 三号: 16, 四号: 14, 小四: 12, 五号: 10.5 } as const;

export const TITLE_PT = SIZE_PT.二号;
export const HEADING_PT = SIZE_PT.三号;
export const BODY_PT = SIZE_PT.三号;

/** A4 in twips (1/20 pt) and the margins GB/T 9704 gives (37/35/28/26 mm). */
export const A4 = { width: 11906, height: 16838 } as const;
export const MARGINS = { top: 2098, bottom: 1984, left: 1588, right: 1474 } as const;

/** Two characters of body text, in twips. */
export const FIRST_LINE_INDENT = 2 * BODY_PT * 20;

/** 28 pt between lines: 22 lines a page, as official documents are set. */
export const LINE_TWIPS = 560;
