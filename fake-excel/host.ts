/**
 * The host: what the proxies need of the fake as a whole (fake.ts is it), the actions a request
 * context queues, and the wire size of a payload (JSON bytes) that the sync estimates.
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

export interface Action {
  readonly label: string;
  readonly request: number;
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
