import { NS } from "./constants";
import type { XmlDoc } from "./xmlDoc";
import type { XmlEl } from "./xmlNode";

/** Small helpers over edited parts: children by name, making like a sibling, ordered insertion, canonical form. */

export function elements(parent: XmlEl): XmlEl[] {
  return parent.children();
}

export function childrenNamed(parent: XmlEl, local: string): XmlEl[] {
  return parent.children().filter((e) => e.localName === local);
}

export function child(parent: XmlEl, local: string): XmlEl | null {
  for (const e of parent.children()) if (e.localName === local) return e;
  return null;
}

/** Descendants (not `parent` itself) named `local` in namespace `ns` (any, when null), in document order. */
export function descendants(parent: XmlEl, ns: string | null, local: string): XmlEl[] {
  const out: XmlEl[] = [];
  const doc = parent.doc;
  const ix = doc.index;
  const walk = (el: XmlEl): void => {
    if (el.isSource && !el.kids) {
      // straight over the index: handles only for what matches
      for (let k = el.id + 1, stop = ix.after(el.id); k < stop; k++) {
        const name = ix.name(k);
        const c = name.indexOf(":");
        if ((c < 0 ? name : name.slice(c + 1)) !== local) continue;
        const h = doc.el(k);
        if ((ns === null || h.namespaceURI === ns) && doc.isLive(h)) out.push(h);
      }
      return;
    }
    for (const k of el.children()) {
      if (k.localName === local && (ns === null || k.namespaceURI === ns)) out.push(k);
      walk(k);
    }
  };
  walk(parent);
  return out;
}

/** A new element in the namespace (and with the prefix) of `like`. */
export function createLike(like: XmlEl, local: string): XmlEl {
  return like.doc.create(like.prefix ? `${like.prefix}:${local}` : local, like.namespaceURI);
}

export function remove(node: XmlEl | null): void {
  if (node && node.parent) node.remove();
}

export function textOf(el: XmlEl | null): string {
  return el?.text() ?? "";
}

export function setText(el: XmlEl, text: string): void {
  el.setText(text);
}

/** The rank of an element in a sequence; mc:AlternateContent ranks as the element it wraps. */
export function rankOf(el: XmlEl, order: readonly string[]): number {
  let name = el.localName;
  if (name === "AlternateContent") {
    const choice = elements(el)[0];
    const inner = choice ? elements(choice)[0] : undefined;
    name = inner?.localName ?? name;
  }
  return order.indexOf(name);
}

/** Insert `el` among `parent`'s children where the schema sequence puts it. */
export function insertOrdered(parent: XmlEl, el: XmlEl, order: readonly string[]): void {
  const rank = order.indexOf(el.localName);
  for (const k of elements(parent)) {
    if (rankOf(k, order) > rank) {
      parent.insertBefore(el, k);
      return;
    }
  }
  parent.appendChild(el);
}

/** The prefix bound to `ns` on the root, declaring `preferred` there when none is. */
export function prefixFor(doc: XmlDoc, ns: string, preferred: string): string {
  const root = doc.root;
  const had = root.lookupPrefix(ns);
  if (had) return had;
  let p = preferred;
  for (let i = 1; root.lookupNamespaceURI(p); i++) p = `${preferred}${i}`;
  root.setAttribute(`xmlns:${p}`, ns);
  return p;
}

export function setRelId(el: XmlEl, id: string): void {
  const p = prefixFor(el.doc, NS.rel, "r");
  // an r:id written with another prefix bound to the same namespace is that attribute
  for (const a of el.attributes()) {
    const c = a.name.indexOf(":");
    if (
      c > 0 &&
      a.name.slice(c + 1) === "id" &&
      el.lookupNamespaceURI(a.name.slice(0, c)) === NS.rel
    ) {
      el.setAttribute(a.name, id);
      return;
    }
  }
  el.setAttribute(`${p}:id`, id);
}

/** A canonical form of an element (attributes sorted), to find an equal one. */
export function canonical(el: XmlEl): string {
  const attrs = el
    .attributes()
    .filter((a) => !a.name.startsWith("xmlns"))
    .map((a) => `${a.name}=${a.value}`)
    .sort();
  const kids: string[] = [];
  for (const n of el.childNodes()) {
    if (typeof n !== "string") kids.push(canonical(n));
    else {
      const t = n.trim();
      if (t !== "" && !t.startsWith("<")) kids.push(`#${t}`);
    }
  }
  if (el.isSource && el.children().length === 0) {
    const t = el.text().trim();
    if (t !== "") kids.push(`#${t}`);
  }
  return `<${el.namespaceURI}|${el.localName} ${attrs.join(" ")}>${kids.join("")}</>`;
}
