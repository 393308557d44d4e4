import { webLightTheme, type Theme } from "@fluentui/react-components";

/**
 * Fluent's light theme with the Chinese UI faces named. Fluent's stack names only Latin fonts
 * (Segoe UI, Roboto, …), so every Chinese character of the pane came from the system's
 * per-character fallback, whichever CJK face that picks. Naming the simplified-Chinese UI faces
 * of Windows (Microsoft YaHei UI, as Office uses for zh-CN), macOS (PingFang SC) and Linux
 * (Noto Sans CJK SC) after Segoe UI keeps Latin text as it was and takes Chinese text from a
 * simplified-Chinese face.
 */
export const PANE_FONT_FAMILY = [
  "'Segoe UI'",
  "'Microsoft YaHei UI'",
  "'Microsoft YaHei'",
  "'PingFang SC'",
  "'Noto Sans CJK SC'",
  "'Source Han Sans SC'",
  "sans-serif",
].join(", ");

export const paneTheme: Theme = { ...webLightTheme, fontFamilyBase: PANE_FONT_FAMILY };
