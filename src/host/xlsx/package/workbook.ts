import { CT, NS, REL, WORKBOOK_ORDER } from "./constants";
import { Package } from "./opc";
import { Rels } from "./rels";
import { updateAppTitles } from "./appTitles";
import { dirOf, relsPartOf } from "./paths";
import { MINIMAL_STYLES, Styles } from "./styles";
import type { XmlDoc } from "./xmlDoc";
import type { XmlEl } from "./xmlNode";
import {
  child,
  childrenNamed,
  createLike,
  insertOrdered,
  remove,
  setText,
  textOf,
} from "./xmlHelpers";

/** The workbook part: sheets, removing a sheet with what only it used, defined names, views, calc chain. */

export interface SheetEntry {
  readonly name: string;
  readonly sheetId: number;
  readonly rid: string;
  readonly el: XmlEl;
  readonly part: string;
  readonly index: number;
}

export class Workbook {
  /** Sheets whose cell values or formulas changed: Excel recalculates on open. */
  recalc = false;
  /** calcChain entries to drop: sheetId → refs (null = every cell of the sheet). */
  private readonly calcDrops = new Map<number, Set<string> | null>();
  private stylesCache: Styles | null = null;
  private sheetsCache: SheetEntry[] | null = null;

  private constructor(
    readonly pkg: Package,
    readonly part: string,
    readonly doc: XmlDoc,
    readonly rels: Rels
  ) {}

  static async open(pkg: Package): Promise<Workbook> {
    const root = await pkg.rels("");
    const office = root.byKind("officeDocument").find((r) => !r.external);
    if (!office) throw new Error("不是有效的 Excel 工作簿（.xlsx）：缺少工作簿部件");
    const part = root.partOf(office);
    const doc = await pkg.mustXml(part);
    return new Workbook(pkg, part, doc, await pkg.rels(part));
  }

  get root(): XmlEl {
    return this.doc.root;
  }

  /** The sheets, read once; `sheetsChanged` after a <sheet> is added or removed. */
  sheets(): SheetEntry[] {
    this.sheetsCache ??= this.readSheets();
    return this.sheetsCache;
  }

  sheetsChanged(): void {
    this.sheetsCache = null;
  }

  private readSheets(): SheetEntry[] {
    const sheets = child(this.root, "sheets");
    if (!sheets) return [];
    return childrenNamed(sheets, "sheet").map((el, index) => {
      const rid = el.getAttributeNS(NS.rel, "id") ?? "";
      const rel = this.rels.byId(rid);
      return {
        name: el.getAttribute("name") ?? "",
        sheetId: Number(el.getAttribute("sheetId") ?? "0"),
        rid,
        el,
        part: rel ? this.rels.partOf(rel) : "",
        index,
      };
    });
  }

  find(name: string): SheetEntry | undefined {
    const all = this.sheets();
    return (
      all.find((s) => s.name === name) ??
      all.find((s) => s.name.toLowerCase() === name.toLowerCase())
    );
  }

  touch(): void {
    this.pkg.touch(this.part);
  }

  async styles(): Promise<Styles> {
    if (this.stylesCache) return this.stylesCache;
    const rel = this.rels.byKind("styles").find((r) => !r.external);
    let part: string;
    if (rel) part = this.rels.partOf(rel);
    else {
      part = this.pkg.freeName((n) =>
        n === 1 ? `${dirOf(this.part)}/styles.xml` : `${dirOf(this.part)}/styles${n}.xml`
      );
      this.pkg.create(part, MINIMAL_STYLES);
      this.rels.add(REL.styles, part);
      await this.pkg.setOverride(part, CT.styles);
    }
    const doc = await this.pkg.mustXml(part);
    this.stylesCache = new Styles(doc, () => this.pkg.touch(part));
    return this.stylesCache;
  }

  dropCalcChain(sheetId: number, ref: string | null): void {
    if (ref === null) {
      this.calcDrops.set(sheetId, null);
      return;
    }
    const had = this.calcDrops.get(sheetId);
    if (had === null) return;
    if (had) had.add(ref);
    else this.calcDrops.set(sheetId, new Set([ref]));
  }

  /** Remove a worksheet, the parts only it used, its defined names, and fix sheet indexes. */
  /** Defined names local to the sheet at `index` (a new sheet's print titles, filter database). */
  addLocalNames(
    names: readonly { name: string; text: string; hidden: boolean }[],
    index: number
  ): void {
    if (names.length === 0) return;
    let list = child(this.root, "definedNames");
    if (!list) {
      list = createLike(this.root, "definedNames");
      insertOrdered(this.root, list, WORKBOOK_ORDER);
    }
    for (const n of names) {
      const dn = createLike(this.root, "definedName");
      dn.setAttribute("name", n.name);
      dn.setAttribute("localSheetId", String(index));
      if (n.hidden) dn.setAttribute("hidden", "1");
      setText(dn, n.text);
      list.appendChild(dn);
    }
    this.touch();
  }

  async removeSheet(sheet: SheetEntry): Promise<void> {
    const before = this.sheets();
    remove(sheet.el);
    this.sheetsChanged();
    this.rels.remove(sheet.rid);
    this.touch();
    this.dropCalcChain(sheet.sheetId, null);

    // parts reachable from the sheet and from nothing else any more
    const descendants = await this.reachableFrom([sheet.part]);
    const stillUsed = await this.reachableFrom([""], new Set([sheet.part]));
    await this.pkg.dropPart(sheet.part);
    for (const part of descendants) if (!stillUsed.has(part)) await this.pkg.dropPart(part);

    // defined names: those local to the sheet or naming it go; later sheet indexes move down
    const names = child(this.root, "definedNames");
    if (names) {
      const quoted = `'${sheet.name.replace(/'/g, "''")}'!`.toLowerCase();
      const bare = `${sheet.name}!`.toLowerCase();
      for (const dn of childrenNamed(names, "definedName")) {
        const local = dn.getAttribute("localSheetId");
        const text = textOf(dn).toLowerCase();
        const mentions =
          text.includes(quoted) ||
          new RegExp(`(^|[^\\p{L}\\p{N}_.'])${escapeRegExp(bare)}`, "u").test(text);
        if ((local !== null && Number(local) === sheet.index) || mentions) remove(dn);
        else if (local !== null && Number(local) > sheet.index)
          dn.setAttribute("localSheetId", String(Number(local) - 1));
      }
      if (childrenNamed(names, "definedName").length === 0) remove(names);
    }

    // the views' active and first tabs
    const views = child(this.root, "bookViews");
    if (views) {
      for (const view of childrenNamed(views, "workbookView")) {
        for (const attr of ["activeTab", "firstSheet"]) {
          const v = view.getAttribute(attr);
          if (v === null) continue;
          const n = Number(v);
          if (n > sheet.index || (n === sheet.index && n >= before.length - 1))
            view.setAttribute(attr, String(Math.max(0, n - 1)));
        }
      }
    }
    await updateAppTitles(this.pkg, [sheet.name], []);
  }

  /** Every part reachable through relationships from `starts`, not walking into `blocked`. */
  private async reachableFrom(
    starts: string[],
    blocked: Set<string> = new Set()
  ): Promise<Set<string>> {
    const seen = new Set<string>();
    const queue = [...starts];
    while (queue.length > 0) {
      const source = queue.shift() as string;
      if (!this.pkg.has(relsPartOf(source))) continue;
      const rels = await this.pkg.rels(source);
      for (const r of rels.list()) {
        if (r.external) continue;
        const part = rels.partOf(r).toLowerCase();
        const actual = this.pkg.actual(part);
        if (!actual || blocked.has(actual) || seen.has(actual)) continue;
        seen.add(actual);
        queue.push(actual);
      }
    }
    return seen;
  }

  /** Work that needs every edit known: calc chain, recalculation flag, a visible sheet. */
  async finish(): Promise<void> {
    if (this.calcDrops.size > 0) await this.editCalcChain();
    if (this.recalc) {
      let calcPr = child(this.root, "calcPr");
      if (!calcPr) {
        calcPr = createLike(this.root, "calcPr");
        insertOrdered(this.root, calcPr, WORKBOOK_ORDER);
      }
      if (calcPr.getAttribute("fullCalcOnLoad") !== "1") {
        calcPr.setAttribute("fullCalcOnLoad", "1");
        this.touch();
      }
    }
    // Excel cannot open a workbook without a visible sheet, nor show a hidden active tab
    const sheets = this.sheets();
    const visible = (s: SheetEntry): boolean => {
      const state = s.el.getAttribute("state");
      return state === null || state === "visible";
    };
    if (sheets.length > 0 && !sheets.some(visible)) {
      sheets[0].el.removeAttribute("state");
      this.touch();
    }
    const views = child(this.root, "bookViews");
    for (const view of views ? childrenNamed(views, "workbookView") : []) {
      const active = Number(view.getAttribute("activeTab") ?? "0");
      if (sheets[active] && !visible(sheets[active])) {
        const first = sheets.findIndex(visible);
        view.setAttribute("activeTab", String(Math.max(first, 0)));
        this.touch();
      }
    }
  }

  private async editCalcChain(): Promise<void> {
    const rel = this.rels.byKind("calcChain").find((r) => !r.external);
    if (!rel) return;
    const part = this.rels.partOf(rel);
    const doc = await this.pkg.xml(part);
    if (!doc) return;
    const root = doc.root;
    let current = 0;
    let changed = false;
    const entries = childrenNamed(root, "c");
    entries.forEach((c, at) => {
      const i = c.getAttribute("i");
      if (i !== null) current = Number(i);
      const drops = this.calcDrops.get(current);
      const ref = (c.getAttribute("r") ?? "").toUpperCase();
      if (drops === undefined || (drops !== null && !drops.has(ref))) return;
      // the next entry inherits this one's sheet: make it explicit before this one goes
      const next = entries[at + 1];
      if (next && next.getAttribute("i") === null) next.setAttribute("i", String(current));
      remove(c);
      changed = true;
    });
    if (!changed) return;
    if (childrenNamed(root, "c").length === 0) {
      this.rels.remove(rel.id);
      await this.pkg.dropPart(part);
    } else this.pkg.touch(part);
  }
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
