/** Colours as WPS and VBA number them (BGR: 0xBBGGRR) and as the plan writes them ("FFC7CE", RGB). */

export function bgrFromHex(hex: string): number {
  const n = parseInt(hex, 16);
  return ((n & 0xff) << 16) | (n & 0xff00) | ((n >> 16) & 0xff);
}

export function hexFromBgr(bgr: number): string {
  const rgb = ((bgr & 0xff) << 16) | (bgr & 0xff00) | ((bgr >> 16) & 0xff);
  return rgb.toString(16).toUpperCase().padStart(6, "0");
}
