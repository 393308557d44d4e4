import { zipSync } from "fflate";

/**
 * File names and downloads of the 网页版: the names the command gives (`<name>.scored.xlsx`,
 * `<name>.自评报告.docx`), Blob URLs for links, and every scored copy in one .zip.
 */
export function baseOf(name: string): string {
  return name.replace(/\.xlsx$/i, "");
}

export const scoredName = (name: string): string => `${baseOf(name)}.scored.xlsx`;
export const reportName = (name: string): string => `${baseOf(name)}.自评报告.docx`;

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export function xlsxUrl(data: Uint8Array): string {
  return URL.createObjectURL(new Blob([data as BlobPart], { type: XLSX }));
}

export function docxUrl(data: Uint8Array): string {
  return URL.createObjectURL(new Blob([data as BlobPart], { type: DOCX }));
}

/** Every scored copy in one .zip, stored as they are (an .xlsx is compressed already). */
export function zipAllUrl(
  files: readonly { readonly name: string; readonly data: Uint8Array }[]
): string {
  const entries: Record<string, [Uint8Array, { level: 0 }]> = {};
  for (const f of files) {
    let name = f.name;
    for (let n = 2; name in entries; n++)
      name = `${baseOf(f.name).replace(/\.scored$/, "")} (${n}).scored.xlsx`;
    entries[name] = [f.data, { level: 0 }];
  }
  return URL.createObjectURL(new Blob([zipSync(entries) as BlobPart], { type: "application/zip" }));
}

/** Whether a dropped or picked file looks like an .xlsx (the reader says more if it is not one). */
export function isXlsx(file: File): boolean {
  return /\.xlsx$/i.test(file.name);
}
