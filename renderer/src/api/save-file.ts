/**
 * Saving a file from a window (issue 15 #8): the same way every export of the app saves (bank file, import
 * templates, CSV reports): an object URL behind an <a download>, which Electron turns into its save dialog and a
 * browser into a download. Nothing is written by the window itself.
 */

/** Offers `blob` to be saved as `name` at once (after a button press). */
export function saveFile(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // the download has taken its copy by then; a later click makes a new URL
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The bytes of a base64 answer (reports.export, imports.template) as a Blob of `type`. */
export function base64Blob(base64: string, type: string): Blob {
  return new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type });
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
