/** The 规则 panel's settings, kept per workbook in the Office document settings. */
import { isProfileId } from "../../engine/profiles";
import { DEFAULT_SETTINGS, type Settings } from "./contract";

const SETTINGS_KEY = "selfeval.settings";

export async function loadSettings(): Promise<Settings> {
  if (typeof Office === "undefined") return DEFAULT_SETTINGS;
  const raw = Office.context.document.settings.get(SETTINGS_KEY) as Partial<Settings> | null;
  if (!raw || typeof raw !== "object") return DEFAULT_SETTINGS;
  const profile =
    raw.profile === "auto" || (typeof raw.profile === "string" && isProfileId(raw.profile))
      ? raw.profile
      : DEFAULT_SETTINGS.profile;
  return {
    profile,
    promptTextInReasonCells: raw.promptTextInReasonCells === true,
    autoScore: raw.autoScore === true,
  };
}

export function saveSettings(settings: Settings): Promise<void> {
  const doc = Office.context.document;
  doc.settings.set(SETTINGS_KEY, {
    profile: settings.profile,
    promptTextInReasonCells: settings.promptTextInReasonCells,
    autoScore: settings.autoScore,
  });
  return new Promise((resolve, reject) => {
    doc.settings.saveAsync((result) => {
      if (result.status === Office.AsyncResultStatus.Failed)
        reject(new Error(`规则未能保存到工作簿：${result.error?.message ?? ""}`));
      else resolve();
    });
  });
}
