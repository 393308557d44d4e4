import { NS } from "./constants";
import { XNode } from "./xmlNode";
import { XElement } from "./xmlDom";
import { XDocument } from "./xmlDocument";

/** Small DOM helpers: children by name, creating like a sibling, ordered insertion, canonical form. */

export function elements(parent: XNode): XElement[] {
  const out: XElement[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling)
    if (n.nodeType === 1) out.push(n as XElement);
  return out;
}

export function childrenNamed(parent: XNode, local: string): XElement[] {
  return elements(parent).filter((e) => e.localName === local);
}

export function child(parent: XNode, local: string): XElement | null {
  for (let n = parent.firstChild; n; n = n.nextSibling)
    if (n.nodeType === 1 && (n as XElement).localName === local) return n as XElement;
  return null;
}

export function descendants(parent: XElement | XDocument, ns: string, local: string): XElement[] {
  return Array.from(parent.getElementsByTagNameNS(ns, local));
}

/** A new element in the namespace (and with the prefix) of `like`. */
export function createLike(like: XElement, local: string): XElement {
  const doc = like.ownerDocument as XDocument;
  return doc.createElementNS(like.namespaceURI, like.prefix ? `${like.prefix}:${local}` : local);
}

export function remove(node: XNode | null): void {
  if (node && node.parentNode) node.parentNode.removeChild(node);
}

export function textOf(el: XNode | null): string {
  return el?.textContent ?? "";
}

export function setText(el: XElement, text: string): void {
  while (el.firstChild) el.removeChild(el.firstChild);
  el.appendChild((el.ownerDocument as XDocument).createTextNode(text));
}

/** The rank of an element in a sequence; mc:AlternateContent ranks as the element it wraps. */
export function rankOf(el: XElement, order: readonly string[]): number {
  let name = el.localName ?? "";
  if (name === "AlternateContent") {
    const choice = elements(el)[0];
    const inner = choice ? elements(choice)[0] : undefined;
    name = inner?.localName ?? name;
  }
  return order.indexOf(name);
}

/** Insert `el` among `parent`'s children where the schema sequence puts it. */
export function insertOrdered(parent: XElement, el: XElement, order: readonly string[]): void {
  const rank = order.indexOf(el.localName ?? "");
  for (const k of elements(parent)) {
    if (rankOf(k, order) > rank) {
      parent.insertBefore(el, k);
      return;
    }
  }
  parent.appendChild(el);
}

/** The prefix bound to `ns` on the root, declaring `preferred` there when none is. */
export function prefixFor(doc: XDocument, ns: string, preferred: string): string {
  const root = doc.documentElement as XElement;
  const had = root.lookupPrefix(ns);
  if (had) return had;
  let p = preferred;
  for (let i = 1; root.lookupNamespaceURI(p); i++) p = `${preferred}${i}`;
  root.setAttributeNS(NS.xmlns, `xmlns:${p}`, ns);
  return p;
}

export function setRelId(el: XElement, id: string): void {
  const p = prefixFor(el.ownerDocument as XDocument, NS.rel, "r");
  el.setAttributeNS(NS.rel, `${p}:id`, id);
}

/** A canonical form of an element (attributes sorted), to find an equal one. */
export function canonical(el: XElement): string {
  const attrs = Array.from(el.attributes)
    .filter((a) => !a.name.startsWith("xmlns"))
    .map((a) => `${a.namespaceURI ?? ""}|${a.localName ?? a.name}=${a.value}`)
    .sort();
  const kids: string[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1) kids.push(canonical(n as XElement));
    else if (n.nodeType === 3 && (n.nodeValue ?? "").trim() !== "") kids.push(`#${n.nodeValue}`);
  }
  return `<${el.namespaceURI}|${el.localName} ${attrs.join(" ")}>${kids.join("")}</>`;
}
