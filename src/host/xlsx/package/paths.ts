/**
 * Part names and relationship targets (OPC): resolving a target against its source part, the
 * relative target from one part to another, the rels part of a source ("" is the package).
 */
export function normalizePath(path: string): string {
  const out: string[] = [];
  for (const seg of path.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") out.pop();
    else out.push(seg);
  }
  return out.join("/");
}

export function dirOf(part: string): string {
  const i = part.lastIndexOf("/");
  return i < 0 ? "" : part.slice(0, i);
}

export function resolveTarget(source: string, target: string): string {
  let t = target;
  try {
    t = decodeURIComponent(target);
  } catch {
    // not percent-encoded
  }
  if (t.startsWith("/")) return normalizePath(t);
  const dir = dirOf(source);
  return normalizePath(dir ? `${dir}/${t}` : t);
}

export function relativeTarget(source: string, target: string): string {
  const from = dirOf(source).split("/").filter(Boolean);
  const to = target.split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return "../".repeat(from.length - i) + to.slice(i).join("/");
}

export function relsPartOf(source: string): string {
  if (source === "") return "_rels/.rels";
  const dir = dirOf(source);
  const base = source.slice(dir ? dir.length + 1 : 0);
  return dir ? `${dir}/_rels/${base}.rels` : `_rels/${base}.rels`;
}

/** A relationship type by its last segment, so that transitional and strict types both match. */
export function relKind(type: string): string {
  return type.slice(type.lastIndexOf("/") + 1);
}
