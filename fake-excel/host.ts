/**
 * The host: what the proxies need of the fake as a whole (fake.ts is it), the actions a request
 * context queues, and the wire size of a request as Office.js serialises it: each action, and once
 * a request each object path its actions are reached through (with its parents and arguments).
 */
import type { Rect } from "../src/address";
import type { FakeContext } from "./context";
import type { DocumentModel } from "./model";

export interface SyncRecord {
  /** Estimated request and response sizes in bytes. */
  readonly request: number;
  response: number;
  readonly actions: number;
  error: string | null;
}

export interface ChangeRecord {
  readonly sheetId: string;
  readonly rect: Rect;
  readonly byAddIn: boolean;
}

export interface Handler {
  readonly scope: string | null; // a worksheet id, or null for every worksheet
  readonly fn: (args: Record<string, unknown>) => unknown;
  readonly id: number;
}

export interface FakeHost {
  readonly doc: DocumentModel;
  readonly payloadLimit: number;
  readonly notLoadedReads: string[];
  supports(version: string): boolean;
  sync(ctx: FakeContext): Promise<void>;
  handlers: Handler[];
  nextHandlerId(): number;
  author: string;
}

export interface ActionResult {
  readonly response: number;
  readonly commit?: () => void;
}

/** A step of the chain an object is reached through: `parent.name(...args)`, or `parent.name` without args. */
export interface ObjectPath {
  readonly parent: ObjectPath | null;
  readonly name: string;
  readonly args: readonly unknown[];
}

export interface Action {
  readonly label: string;
  /** The action's own bytes (its name, arguments or value, and what wraps it). */
  readonly request: number;
  /** The object it acts on: its path is serialised once into the request (objectPathBytes). */
  readonly path?: ObjectPath;
  run(changes: ChangeRecord[]): ActionResult | void;
}

/** UTF-8 bytes of a JSON value: the wire size of a payload. */
export function jsonBytes(value: unknown): number {
  const s = JSON.stringify(value) ?? "";
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? (i++, 4) : 3;
  }
  return n;
}

/** Per object path and per action, what Office.js puts around the data in a request. */
export const ACTION_BYTES = 200;

/**
 * The bytes of the object paths a request carries, as Office.js serialises them: each distinct path
 * the actions are reached through, and each of its parents, once, as an entry of the request's
 * ObjectPaths (id, type, name, parent id, arguments as JSON) plus the action that instantiates it.
 * Two calls of `getRange` are two paths, as in Office.js; a property's object (`format`) is one.
 */
export function objectPathBytes(actions: readonly Action[]): number {
  const ids = new Map<ObjectPath, number>();
  let bytes = 0;
  const visit = (p: ObjectPath): number => {
    const known = ids.get(p);
    if (known !== undefined) return known;
    const parent = p.parent ? visit(p.parent) : null;
    const id = ids.size + 1;
    ids.set(p, id);
    const entry = {
      Id: id,
      ObjectPathType: parent === null ? 1 : p.args.length ? 3 : 4,
      Name: p.name,
      ...(parent === null ? {} : { ParentObjectPathId: parent }),
      ...(p.args.length ? { ArgumentInfo: { Arguments: p.args } } : {}),
    };
    const instantiate = { Id: id, ActionType: 1, Name: "", ObjectPathId: id };
    bytes += jsonBytes(String(id)) + 1 + jsonBytes(entry) + 1 + jsonBytes(instantiate) + 1;
    return id;
  };
  for (const a of actions) if (a.path) visit(a.path);
  return bytes;
}
