/**
 * Where notes cannot be written as the plan says: without notes and comments (an older Excel) the
 * prompts stay out of the cells; with threaded comments a person's comment is never rewritten.
 * The ledger entries follow, so that the hash describes what is really written.
 */
import type { WorkbookOutcome } from "../../form/pipeline";
import {
  hashFields,
  NOTE_MARK,
  type CellEdit,
  type CellField,
  type CellState,
  type LedgerEntry,
} from "../../form/plan";
import type { SheetDetails } from "./cellDetails";
import type { NotesMode } from "./contract";

/** Per cell (`sheet!A1`) whose note edit was dropped: the fields still written, or null for none. */
type Dropped = Map<string, { fields: CellField[]; set: Partial<CellState> } | null>;

export function adaptNotes(
  outcome: WorkbookOutcome,
  mode: NotesMode,
  details: ReadonlyMap<string, SheetDetails>
): WorkbookOutcome {
  if (mode === "notes") return outcome;
  const dropped: Dropped = new Map();
  const sheets = outcome.sheets.map((s) => {
    const skipped: string[] = [];
    const edits: CellEdit[] = [];
    for (const e of s.plan.edits) {
      if (!("note" in e.set)) {
        edits.push(e);
        continue;
      }
      const note = e.set.note ?? null;
      const someoneElses =
        mode === "comments" &&
        note !== null &&
        !note.startsWith(NOTE_MARK) &&
        details.get(s.sheet)?.notes.has(e.address);
      if (mode !== "none" && !someoneElses) {
        edits.push(e);
        continue;
      }
      if (someoneElses)
        skipped.push(`${s.sheet}!${e.address} 已有他人的批注，评分说明未写入批注（见结果列表）`);
      const set = withoutNote(e.set);
      const fields = Object.keys(set) as CellField[];
      dropped.set(`${s.sheet}!${e.address}`, fields.length ? { fields, set } : null);
      if (fields.length) edits.push({ ...e, set });
    }
    const ledger = rehash(s.plan.ledger, dropped);
    return { ...s, plan: { ...s.plan, edits, ledger, skipped: [...s.plan.skipped, ...skipped] } };
  });
  const ledger = rehash(outcome.state.ledger, dropped);
  return { ...outcome, sheets, state: { ...outcome.state, ledger } };
}

/** The ledger entries of the cells whose note was dropped, hashed over what is really written. */
function rehash(ledger: readonly LedgerEntry[], dropped: Dropped): LedgerEntry[] {
  return ledger.flatMap((entry) => {
    const c = dropped.get(`${entry.sheet}!${entry.address}`);
    if (c === undefined) return [entry];
    if (c === null) return [];
    // the look a style copy changed stays kept (it is not hashed: ledger.ts ownedFields)
    const fields = [...c.fields, ...entry.fields.filter((f) => f === "look")];
    return [{ ...entry, fields, hash: hashFields({ ...entry.before, ...c.set }, c.fields) }];
  });
}

/** A restore edit where notes cannot be written (an older Excel than the one that scored). */
export function adaptRestoreEdit(
  e: CellEdit,
  mode: NotesMode,
  notWritten: string[]
): CellEdit | null {
  if (mode !== "none" || !("note" in e.set)) return e;
  notWritten.push(`${e.sheet}!${e.address} 的备注无法恢复：此版本的 Excel 不支持备注`);
  const set = withoutNote(e.set);
  return Object.keys(set).length ? { ...e, set } : null;
}

function withoutNote(set: Partial<CellState>): Partial<CellState> {
  const { note: _dropped, ...rest } = set;
  void _dropped;
  return rest;
}
