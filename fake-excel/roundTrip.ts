/**
 * What one `context.sync()` does with its queue once FakeExcel (fake.ts) has counted and logged
 * it: a round trip's yield to the event loop, the request and response payload checks, the actions
 * run in order (a failing one ends the batch; those before it stay applied), the commits after
 * them, and the change events delivered to the handlers afterwards.
 */
import { rectAddress } from "../src/address";
import type { Action, ChangeRecord, Handler, SyncRecord } from "./host";
import { FakeOfficeError } from "./errors";

/** A round trip yields to the event loop as Excel's does (setImmediate in Node; a task in a browser). */
function nextTask(): Promise<void> {
  return new Promise<void>((resolve) =>
    typeof setImmediate === "function" ? setImmediate(resolve) : setTimeout(resolve, 0)
  );
}

/** What a sync needs of the fake: the payload limit, where failures are counted, its change events. */
export interface SyncSink {
  readonly payloadLimit: number;
  readonly failedSyncs: string[];
  dispatch(changes: readonly ChangeRecord[]): void;
}

/** Runs a sync's actions against the document; fills in the record's response size and error. */
export async function commitSync(
  actions: readonly Action[],
  record: SyncRecord,
  host: SyncSink
): Promise<void> {
  await nextTask();
  const fail = (e: FakeOfficeError): never => {
    record.error = e.code;
    host.failedSyncs.push(e.code);
    throw e;
  };
  if (record.request > host.payloadLimit)
    fail(
      new FakeOfficeError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size has exceeded the limit. (${record.request} bytes)`,
        "RequestContext.sync"
      )
    );
  const changes: ChangeRecord[] = [];
  const commits: (() => void)[] = [];
  let response = 200;
  for (const action of actions) {
    try {
      const r = action.run(changes);
      if (r) {
        response += r.response;
        if (r.commit) commits.push(r.commit);
      }
    } catch (e) {
      host.dispatch(changes);
      if (e instanceof FakeOfficeError) {
        if (!e.debugInfo.errorLocation) e.debugInfo.errorLocation = action.label;
        fail(e);
      }
      throw e;
    }
  }
  record.response = response;
  host.dispatch(changes);
  if (response > host.payloadLimit)
    fail(
      new FakeOfficeError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload size has exceeded the limit. (${response} bytes)`,
        "RequestContext.sync"
      )
    );
  for (const c of commits) c();
}

/**
 * Change events, delivered after the sync as Excel does (asynchronously), to the handlers
 * registered now; `triggerSource` where the Excel supports it (ExcelApi 1.14).
 */
export function deliverChanges(
  registered: readonly Handler[],
  changes: readonly ChangeRecord[],
  source: "Local" | "Remote",
  withTriggerSource: boolean
): void {
  if (changes.length === 0 || registered.length === 0) return;
  const handlers = [...registered];
  for (const ch of changes) {
    const args: Record<string, unknown> = {
      type: "WorksheetChanged",
      worksheetId: ch.sheetId,
      address: rectAddress(ch.rect),
      source,
      changeType: "RangeEdited",
    };
    if (withTriggerSource) args.triggerSource = ch.byAddIn ? "ThisLocalAddin" : "Unknown";
    for (const h of handlers) {
      if (h.scope !== null && h.scope !== ch.sheetId) continue;
      setTimeout(() => void Promise.resolve(h.fn(args)).catch(() => undefined), 0);
    }
  }
}
