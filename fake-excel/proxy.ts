/**
 * The base of every proxy (FakeObject), of every collection (FakeCollection) and the result of a
 * method that answers a value (FakeClientResult). A load path is resolved at sync through the
 * proxies' scalars and navigation properties; a scalar reads PropertyNotLoaded until a load of it
 * has been followed by `context.sync()`; a change is queued as an action and runs at sync.
 */
import type { FakeContext } from "./context";
import { apiNotFound, FakeOfficeError, propertyNotLoaded } from "./errors";
import { ACTION_BYTES, jsonBytes, type ChangeRecord, type ObjectPath } from "./host";

export type LoadSpec = string | string[] | { select?: string; expand?: string } | undefined;

export function loadPaths(spec: LoadSpec): string[][] {
  if (spec === undefined) return [[]];
  const parts =
    typeof spec === "string"
      ? spec.split(",")
      : Array.isArray(spec)
        ? spec
        : [...(spec.select ?? "").split(","), ...(spec.expand ?? "").split(",")];
  const paths = parts.map((p) => p.trim()).filter((p) => p !== "");
  return paths.length ? paths.map((p) => p.split("/").map((s) => s.trim())) : [[]];
}

// ---------------------------------------------------------------------------------------------
// The base proxy
// ---------------------------------------------------------------------------------------------

export interface LoadResult {
  response: number;
  commits: (() => void)[];
}

/** Anything a load path can go through: a proxy or a collection. */
export interface Loadable {
  loadNow(paths: string[][]): LoadResult;
}

export type Scalars<T> = Record<string, { read: (t: T) => unknown; version?: string }>;

export abstract class FakeObject<T> {
  private cache: { value: T | null } | undefined;
  private readonly loaded = new Map<string, unknown>();
  private isNull: boolean | undefined;
  private readonly navCache = new Map<string, unknown>();
  private objectPath: ObjectPath | undefined;

  constructor(
    protected readonly ctx: FakeContext,
    private readonly resolver: () => T | null,
    private readonly nullable: boolean
  ) {}

  abstract get className(): string;
  protected scalars(): Scalars<T> {
    return {};
  }
  protected navs(): Record<string, () => Loadable> {
    return {};
  }

  /** How Office.js reaches this object (a root of its own class name unless `at` placed it). */
  get path(): ObjectPath {
    this.objectPath ??= { parent: null, name: this.className, args: [] };
    return this.objectPath;
  }

  /** Places the proxy at `parent.name(...args)` (a method) or `parent.name` (a property, no args). */
  at(parent: { readonly path: ObjectPath } | null, name: string, args: unknown[] = []): this {
    this.objectPath = { parent: parent ? parent.path : null, name, args };
    return this;
  }

  get context(): FakeContext {
    return this.ctx;
  }

  get isNullObject(): boolean {
    this.ctx.check();
    if (this.isNull === undefined) {
      this.ctx.host.notLoadedReads.push(`${this.className}.isNullObject`);
      throw propertyNotLoaded(`${this.className}.isNullObject`);
    }
    return this.isNull;
  }

  /** The document object behind the proxy, resolved when an action first needs it (at sync). */
  target(): T | null {
    if (this.cache) return this.cache.value;
    const value = this.resolver();
    if (value === null && !this.nullable)
      throw new FakeOfficeError(
        "ItemNotFound",
        `The requested resource doesn't exist. (${this.className})`,
        this.className
      );
    this.cache = { value };
    return value;
  }

  need(): T {
    const t = this.target();
    if (t === null)
      throw new FakeOfficeError(
        "InvalidArgument",
        `The object is a null object. (${this.className})`,
        this.className
      );
    return t;
  }

  protected nav<N>(name: string, make: () => N): N {
    let n = this.navCache.get(name);
    if (!n) {
      n = make();
      if (n instanceof FakeObject && !n.objectPath) n.at(this, name);
      this.navCache.set(name, n);
    }
    return n as N;
  }

  load(spec?: LoadSpec): this {
    this.ctx.check();
    const paths = loadPaths(spec);
    this.ctx.queue({
      label: `${this.className}.load(${JSON.stringify(spec ?? "")})`,
      request: ACTION_BYTES + jsonBytes(spec ?? ""),
      path: this.path,
      run: () => {
        const r = this.loadNow(paths);
        return { response: r.response, commit: () => r.commits.forEach((c) => c()) };
      },
    });
    return this;
  }

  /** Runs a load at sync time: the snapshot of the requested properties, committed if the sync succeeds. */
  loadNow(paths: string[][]): LoadResult {
    const t = this.target();
    const scalars = this.scalars();
    const navs = this.navs();
    const names = new Set<string>();
    const out: LoadResult = { response: 20, commits: [] };
    for (const path of paths) {
      if (path.length === 0) {
        for (const [name, s] of Object.entries(scalars))
          if (!s.version || this.ctx.host.supports(s.version)) names.add(name);
        continue;
      }
      const [head, ...rest] = path;
      if (head === "isNullObject") continue;
      if (rest.length === 0 && scalars[head]) {
        const v = scalars[head].version;
        if (v && !this.ctx.host.supports(v)) throw apiNotFound(`${this.className}.${head}`, v);
        names.add(head);
        continue;
      }
      const nav = navs[head];
      if (nav) {
        const r = nav().loadNow([rest]);
        out.response += r.response;
        out.commits.push(...r.commits);
        continue;
      }
      throw new FakeOfficeError(
        "InvalidArgument",
        `The property '${head}' does not exist on ${this.className}.`,
        this.className
      );
    }
    const snapshot: [string, unknown][] = [...names].map((n) => [
      n,
      t === null ? null : scalars[n].read(t),
    ]);
    out.response += jsonBytes(snapshot);
    out.commits.push(() => {
      this.isNull = t === null;
      for (const [n, v] of snapshot) this.loaded.set(n, v);
    });
    return out;
  }

  protected get<V>(name: string): V {
    this.ctx.check();
    if (!this.loaded.has(name)) {
      this.ctx.host.notLoadedReads.push(`${this.className}.${name}`);
      throw propertyNotLoaded(`${this.className}.${name}`);
    }
    return this.loaded.get(name) as V;
  }

  /** Queues a change to the document, applied at sync. */
  protected act(
    label: string,
    payload: unknown,
    run: (t: T, changes: ChangeRecord[]) => void
  ): void {
    this.ctx.queue({
      label: `${this.className}.${label}`,
      request: ACTION_BYTES + jsonBytes(payload ?? null),
      path: this.path,
      run: (changes) => {
        run(this.need(), changes);
      },
    });
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

/** A collection: `items` (after load + sync) of item proxies bound to the items that existed then. */
export abstract class FakeCollection<M, I extends FakeObject<M>> extends FakeObject<M[]> {
  private loadedItems: I[] | undefined;

  protected abstract item(model: M): I;

  get items(): I[] {
    this.ctx.check();
    if (!this.loadedItems) {
      this.ctx.host.notLoadedReads.push(`${this.className}.items`);
      throw propertyNotLoaded(`${this.className}.items`);
    }
    return this.loadedItems;
  }

  loadNow(paths: string[][]): LoadResult {
    const list = this.need();
    const itemPaths = paths.map((p) => (p[0] === "items" ? p.slice(1) : p));
    const items = list.map((m) => this.item(m));
    const out: LoadResult = { response: 20, commits: [] };
    for (const it of items) {
      const r = it.loadNow(itemPaths);
      out.response += r.response;
      out.commits.push(...r.commits);
    }
    out.commits.push(() => {
      this.loadedItems = items;
    });
    return out;
  }

  getCount(): FakeClientResult<number> {
    const result = new FakeClientResult<number>(this.ctx, `${this.className}.getCount`);
    this.ctx.queue({
      label: `${this.className}.getCount`,
      request: ACTION_BYTES,
      run: () => {
        const n = this.need().length;
        return { response: 10, commit: () => result.set(n) };
      },
    });
    return result;
  }
}

export class FakeClientResult<V> {
  private has = false;
  private v: V | undefined;

  constructor(
    private readonly ctx: FakeContext,
    private readonly label: string
  ) {}

  set(v: V): void {
    this.v = v;
    this.has = true;
  }

  get value(): V {
    this.ctx.check();
    if (!this.has) {
      this.ctx.host.notLoadedReads.push(`${this.label}.value`);
      throw new FakeOfficeError(
        "ValueNotLoaded",
        `The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.`,
        this.label
      );
    }
    return this.v as V;
  }
}
