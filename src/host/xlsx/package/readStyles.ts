import { BUILTIN_FORMATS, ZH_CN_FORMATS, isDateFormat } from "./formats";
import type { PackageParts } from "./parts";
import { childOf, childrenOf, tree } from "./xml";

/** What the reader needs of each cell style (cellXfs index): its number format, date or not, solid fill. */
export interface CellLook {
  readonly numberFormat: string;
  readonly date: boolean;
  /** A solid fill's colour as RRGGBB, or null. */
  readonly fill: string | null;
}

const GENERAL: CellLook = { numberFormat: "General", date: false, fill: null };

export class StyleIndex {
  private constructor(private readonly looks: CellLook[]) {}

  static read(parts: PackageParts, workbookPart: string): StyleIndex {
    const part = parts.related(workbookPart, "styles");
    const text = part ? parts.wellFormedText(part) : null;
    const root = text === null ? null : tree(text);
    const custom = new Map<number, string>();
    for (const f of childrenOf(childOf(root, "numFmts"), "numFmt"))
      custom.set(Number(f.attrs.numFmtId), f.attrs.formatCode ?? "");
    const fills = childrenOf(childOf(root, "fills"), "fill").map((fill) => {
      const pattern = childOf(fill, "patternFill");
      if (pattern?.attrs.patternType !== "solid") return null;
      const rgb = childOf(pattern, "fgColor")?.attrs.rgb;
      return rgb && /^[0-9A-Fa-f]{6,8}$/.test(rgb) ? rgb.slice(-6).toUpperCase() : null;
    });
    const looks = childrenOf(childOf(root, "cellXfs"), "xf").map((xf): CellLook => {
      const id = Number(xf.attrs.numFmtId ?? "0");
      const code = custom.get(id) ?? BUILTIN_FORMATS[id] ?? ZH_CN_FORMATS[id];
      const numberFormat = id === 0 || !code ? "General" : code;
      const date = numberFormat !== "General" && isDateFormat(numberFormat);
      return { numberFormat, date, fill: fills[Number(xf.attrs.fillId ?? "0")] ?? null };
    });
    return new StyleIndex(looks);
  }

  look(s: number): CellLook {
    return this.looks[s] ?? GENERAL;
  }
}
