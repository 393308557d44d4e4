/**
 * The request context of an `Excel.run`: the queue of actions that `sync()` hands to the host, the
 * requirement-set check (an API newer than the fake's Excel fails at sync with ApiNotFound), and
 * the end of the context (a proxy used after its `Excel.run` fails).
 */
import { apiNotFound, FakeOfficeError } from "./errors";
import { ACTION_BYTES, type Action, type FakeHost } from "./host";
import type { LoadSpec } from "./proxy";
import { FakeWorkbook } from "./workbook";

export class FakeContext {
  readonly workbook: FakeWorkbook;
  pending: Action[] = [];
  ended = false;
  /** Excel.run({ delayForCellEdit: true }): its batches wait for a cell edit to end (cellEdit.ts). */
  delayForCellEdit = false;
  readonly trackedObjects = { add(): void {}, remove(): void {} };

  constructor(readonly host: FakeHost) {
    this.workbook = new FakeWorkbook(this).at(null, "workbook");
  }

  check(): void {
    if (this.ended)
      throw new FakeOfficeError(
        "InvalidRequestContext",
        "Cannot use the object across different request contexts (its Excel.run has ended).",
        "RequestContext"
      );
  }

  queue(action: Action): void {
    this.check();
    this.pending.push(action);
  }

  requires(version: string, api: string): boolean {
    if (this.host.supports(version)) return true;
    this.queue({
      label: api,
      request: ACTION_BYTES,
      run: () => {
        throw apiNotFound(api, version);
      },
    });
    return false;
  }

  load<T extends { load(spec?: LoadSpec): unknown }>(object: T, spec?: LoadSpec): T {
    object.load(spec);
    return object;
  }

  async sync<T>(passThrough?: T): Promise<T> {
    await this.host.sync(this);
    return passThrough as T;
  }
}
