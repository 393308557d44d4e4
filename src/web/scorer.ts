import workerSource from "web-worker-source";
import type { FromWorker, Stage, ToWorker } from "./protocol";

/**
 * The page's side of the Web Worker: started from a Blob URL of the worker's bundled code (a page
 * opened from file:// may not start a worker from a file), one request at a time answered by id.
 */
export interface Scored {
  readonly id: number;
  readonly data: Uint8Array;
  readonly report: Extract<FromWorker, { type: "scored" }>["report"];
  readonly summary: Extract<FromWorker, { type: "scored" }>["summary"];
}

type Pending = {
  readonly resolve: (m: FromWorker) => void;
  readonly reject: (e: Error) => void;
  readonly onStage?: (stage: Stage) => void;
};

export class Scorer {
  private readonly worker: Worker;
  private readonly pending = new Map<string, Pending>();
  private next = 1;

  constructor() {
    const url = URL.createObjectURL(new Blob([workerSource], { type: "text/javascript" }));
    this.worker = new Worker(url);
    URL.revokeObjectURL(url);
    this.worker.onmessage = (e: MessageEvent<FromWorker>) => this.receive(e.data);
    this.worker.onerror = (e) => {
      const error = new Error(`评分程序出错：${e.message || "未知错误"}`);
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
    };
  }

  /** Score a file; its id is what report() takes. Rejects with the reader's Chinese message. */
  async score(file: File, onStage: (stage: Stage) => void): Promise<Scored> {
    const id = this.next++;
    const data = await file.arrayBuffer();
    const reply = await this.ask({ type: "score", id, name: file.name, data }, [data], onStage);
    if (reply.type !== "scored") throw new Error("评分程序的回答不完整");
    return { id, data: new Uint8Array(reply.data), report: reply.report, summary: reply.summary };
  }

  /** The 自评报告 .docx of a workbook scored here, or the sentence saying why there is none. */
  async report(id: number): Promise<{ data: Uint8Array | null; message: string | null }> {
    const reply = await this.ask({ type: "report", id }, []);
    if (reply.type !== "report") throw new Error("评分程序的回答不完整");
    return { data: reply.data && new Uint8Array(reply.data), message: reply.message };
  }

  private ask(
    message: ToWorker,
    transfer: Transferable[],
    onStage?: (s: Stage) => void
  ): Promise<FromWorker> {
    return new Promise((resolve, reject) => {
      this.pending.set(`${message.type}:${message.id}`, { resolve, reject, onStage });
      this.worker.postMessage(message, transfer);
    });
  }

  private receive(m: FromWorker): void {
    const key = `${m.type === "report" ? "report" : "score"}:${m.id}`;
    if (m.type === "progress") {
      this.pending.get(key)?.onStage?.(m.stage);
      return;
    }
    if (m.type === "error") {
      // an error answers whichever request of that id is waiting
      for (const k of [`score:${m.id}`, `report:${m.id}`]) {
        const p = this.pending.get(k);
        if (p) {
          this.pending.delete(k);
          p.reject(new Error(m.message));
        }
      }
      return;
    }
    const p = this.pending.get(key);
    this.pending.delete(key);
    p?.resolve(m);
  }
}
