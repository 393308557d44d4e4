/**
 * The 规则 panel's settings in WPS, per workbook: WPS has no add-in document settings like
 * Office's, so they are kept in the page's localStorage (which a WPS 加载项 keeps between
 * sessions) under the workbook's full name, or, where there is none, in WPS's PluginStorage for
 * the session.
 */
import { DEFAULT_SETTINGS, type Settings } from "../contract";
import { wpsGlobal } from "./api";

const PREFIX = "selfeval.settings:";

interface Store {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

function store(): Store | null {
  const local = (globalThis as { localStorage?: Store }).localStorage;
  return local ?? wpsGlobal()?.PluginStorage ?? null;
}

function key(): string {
  const book = wpsGlobal()?.EtApplication().ActiveWorkbook;
  return PREFIX + (book ? book.FullName : "");
}

export function loadSettings(): Settings {
  const text = store()?.getItem(key());
  if (!text) return DEFAULT_SETTINGS;
  try {
    const o = JSON.parse(text) as Partial<Settings>;
    return {
      profile: typeof o.profile === "string" ? o.profile : DEFAULT_SETTINGS.profile,
      promptTextInReasonCells: o.promptTextInReasonCells === true,
      autoScore: o.autoScore === true,
    };
  } catch {
    return DEFAULT_SETTINGS; // a setting written by another version: the defaults
  }
}

export function saveSettings(settings: Settings): void {
  const s = store();
  if (!s) throw new Error("无法保存规则设置：此环境没有存储");
  s.setItem(key(), JSON.stringify(settings));
}
