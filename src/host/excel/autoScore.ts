/**
 * 自动评分: the change listener (ExcelApi 1.9; 1.14 tells the add-in's own edits from a person's)
 * and the re-score of the edited sheet in two round trips: it remembers the workbook from the
 * moment it is turned on (the sheets, the forms on each, the cells each plan touches), so one read
 * takes the sheet, the state sheet and the fills and notes of the cells its plan may touch, and one
 * writes.
 */
import { scoreWorkbookGrids } from "../../form/pipeline";
import { STATE_SHEET, stateFromGrid } from "../../form/state";
import { containsRect, parseRange as rectOf } from "../../address";
import { insideForms, predictTouched, remember } from "./autoMemory";
import { newDetails, queueCellDetails, touchedCells, type SheetDetails } from "./cellDetails";
import { warningsFor } from "./capabilities";
import type { Capabilities, ScoringOptions } from "./contract";
import { isProgrammingError } from "./errors";
import type { RunReport } from "./report";
import { scoreAndWrite, readWorkbook } from "./scoring";
import { emptyMemory, Io, type GatewaySession, type SheetInfo } from "./session";
import { gridOf, queueSheetRead } from "./sheetRead";
import { runExcel } from "./run";

/**
 * 自动评分's re-score in one read and one write: the sheet, the state sheet and the cells the
 * sheet's last plan touched in one sync, the other tabs' forms from memory, then the write. Says
 * which sheet to score the long way when memory does not cover it (自动评分 just turned on, the
 * state sheet not yet there or not yet seen, comments standing in for notes, which take a round
 * trip to locate, or a sheet renamed or deleted meanwhile); one more read where the new plan
 * touches a cell not read yet.
 */
export async function rescoreFromMemory(
  session: GatewaySession,
  sheet: string,
  options: ScoringOptions,
  caps: Capabilities
): Promise<{ report: RunReport } | { sheet: string }> {
  const memory = session.memory;
  const info = memory?.sheets.get(sheet);
  if (!memory || !info || caps.notes === "comments" || sheet === STATE_SHEET) return { sheet };
  const stateInfo = memory.sheets.get(STATE_SHEET) ?? null;
  const predicted = [...(memory.touched.get(sheet) ?? [])];
  return runExcel(async (context) => {
    const io = new Io(context);
    const warnings = warningsFor(caps);
    const ws = io.sheet(info);
    ws.load("name,visibility");
    ws.protection.load("protected");
    const readSheet = queueSheetRead(io, info, caps, caps.merges);
    const readState = stateInfo ? queueSheetRead(io, stateInfo, caps, false) : null;
    // no state sheet as far as memory knows: make sure, as the write would add one
    const stateAbsent = stateInfo
      ? null
      : context.workbook.worksheets.getItemOrNullObject(STATE_SHEET);
    stateAbsent?.load("id");
    const queued = queueCellDetails(ws, predicted, predicted, caps, null);
    try {
      await context.sync();
    } catch (e) {
      if (isProgrammingError(e)) throw e;
      session.memory = emptyMemory(); // a sheet gone, or more merged areas than Excel lists
      return { sheet };
    }
    if (ws.name !== sheet || (stateAbsent && !stateAbsent.isNullObject)) {
      session.memory = emptyMemory();
      return { sheet: ws.name };
    }
    const current: SheetInfo = {
      ...info,
      visibility: ws.visibility,
      protected: ws.protection.protected,
    };
    const read = readSheet(current);
    const reads = readState ? [read, readState()] : [read];
    const details = new Map<string, SheetDetails>();
    if (predicted.length) {
      const det = newDetails();
      queued(det, (a) => !read.rect || !containsRect(read.rect, rectOf(a)));
      details.set(sheet, det);
    }
    const previous = stateFromGrid(reads[1] && gridOf(reads[1]));
    const evidenceForms = [...memory.forms]
      .filter(([name]) => name !== sheet)
      .flatMap(([, forms]) => forms);
    const written = await scoreAndWrite(session, io, caps, warnings, {
      action: "score-sheet",
      target: sheet,
      sheets: [...memory.sheets.values()],
      reads,
      previous,
      details,
      options: { ...options, evidenceForms },
      progress: () => undefined,
    });
    const outcome = written.outcome;
    if (outcome && session.memory === memory) {
      for (const x of written.sheets) memory.sheets.set(x.name, x);
      memory.sheets.set(sheet, current);
      const scored = outcome.sheets.find((x) => x.sheet === sheet);
      const forms = scored ? scored.forms.map((f) => f.form) : [];
      memory.forms.set(sheet, forms);
      memory.touched.set(
        sheet,
        predictTouched(touchedCells(outcome, previous.ledger).get(sheet), forms)
      );
    }
    return { report: written.report };
  });
}

/** The gateway's onSheetChanged (contract.ts documents it). */
export async function listenForEdits(
  session: GatewaySession,
  caps: Capabilities,
  listener: (sheet: string) => void,
  options: { readonly debounceMs?: number }
): Promise<(() => Promise<void>) | null> {
  if (!caps.supported || !caps.events) return null;
  const debounceMs = options.debounceMs ?? 1500;
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  let stopped = false;
  const fire = (sheet: string): void => {
    const t = timers.get(sheet);
    if (t) clearTimeout(t);
    timers.set(
      sheet,
      setTimeout(() => {
        timers.delete(sheet);
        if (!stopped) listener(sheet);
      }, debounceMs)
    );
  };
  const nameOf = async (id: string): Promise<string | null> => {
    for (const info of session.memory?.sheets.values() ?? []) if (info.id === id) return info.name;
    try {
      return await runExcel(async (context) => {
        const ws = context.workbook.worksheets.getItem(id);
        ws.load("name");
        await context.sync();
        return ws.name;
      });
    } catch (e) {
      if (isProgrammingError(e)) throw e;
      return null; // the sheet is gone already (a summary the add-in replaced)
    }
  };
  const handle = async (event: Excel.WorksheetChangedEventArgs): Promise<void> => {
    // not the person's: the add-in's own write (ExcelApi 1.14), a co-author's (their Excel scores it)
    if (stopped || event.triggerSource === "ThisLocalAddin" || event.source === "Remote") return;
    const name = await nameOf(event.worksheetId);
    if (name === null || session.ownSheets.has(name) || session.isOwnWrite(name, event.address))
      return;
    // a sheet seen without a form, or an edit outside its forms, cannot change a score
    const forms = session.memory?.forms.get(name);
    if (forms && !insideForms(forms, event.address)) return;
    fire(name);
  };
  const owner = Symbol("autoScore");
  const registration = await session.exclusive(() =>
    runExcel(async (context) => {
      const io = new Io(context);
      const result = context.workbook.worksheets.onChanged.add(handle);
      // what re-scores will need: the sheets, their forms, the cells each plan touches
      const book = await readWorkbook(session, io, caps, [], false);
      const outcome = scoreWorkbookGrids(book.reads.map((r) => gridOf(r)));
      session.memory = emptyMemory();
      session.memoryOwner = owner;
      remember(session, book.sheets, book.reads, book.previous.ledger, outcome);
      return result;
    })
  );
  return async () => {
    stopped = true;
    if (session.memoryOwner === owner) session.memory = session.memoryOwner = null;
    for (const t of timers.values()) clearTimeout(t);
    await Excel.run(registration.context, async (context) => {
      registration.remove();
      await context.sync();
    });
  };
}
