import type { Package } from "./opc";
import { relKind, relativeTarget, resolveTarget } from "./paths";
import type { XmlDoc } from "./xmlDoc";
import type { XmlEl } from "./xmlNode";
import { createLike, elements, remove } from "./xmlHelpers";

/** The relationships of one source part being written: read once, added to, removed from. */
export interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
  readonly el: XmlEl;
}

export class Rels {
  constructor(
    private readonly pkg: Package,
    readonly source: string,
    readonly part: string,
    readonly doc: XmlDoc
  ) {}

  /** The relationships, read once (kept up to date by add, re-read after remove). */
  private cached: Relationship[] | null = null;
  private ids = new Map<string, Relationship>();
  /** Resolved targets: target → part. */
  private readonly targets = new Map<string, string>();

  list(): Relationship[] {
    if (!this.cached) {
      this.cached = this.read();
      this.ids = new Map();
      for (const r of this.cached) if (!this.ids.has(r.id)) this.ids.set(r.id, r);
    }
    return this.cached;
  }

  private read(): Relationship[] {
    return elements(this.doc.root)
      .filter((e) => e.localName === "Relationship")
      .map((el) => ({
        id: el.getAttribute("Id") ?? "",
        type: el.getAttribute("Type") ?? "",
        target: el.getAttribute("Target") ?? "",
        external: (el.getAttribute("TargetMode") ?? "") === "External",
        el,
      }));
  }

  byId(id: string): Relationship | undefined {
    this.list();
    return this.ids.get(id);
  }

  byKind(kind: string): Relationship[] {
    return this.list().filter((r) => relKind(r.type) === kind);
  }

  partOf(rel: Relationship): string {
    let part = this.targets.get(rel.target);
    if (part === undefined) {
      part = resolveTarget(this.source, rel.target);
      this.targets.set(rel.target, part);
    }
    return part;
  }

  add(type: string, targetPart: string): string {
    const list = this.list();
    let n = 1;
    while (this.ids.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const root = this.doc.root;
    const el = createLike(root, "Relationship");
    el.setAttribute("Id", id);
    el.setAttribute("Type", type);
    const target = relativeTarget(this.source, targetPart);
    el.setAttribute("Target", target);
    root.appendChild(el);
    const rel: Relationship = { id, type, target, external: false, el };
    list.push(rel);
    this.ids.set(id, rel);
    this.pkg.touch(this.part);
    return id;
  }

  remove(id: string): void {
    for (const r of this.list()) if (r.id === id) remove(r.el);
    this.cached = null; // read again when next asked for
    this.pkg.touch(this.part);
  }
}
