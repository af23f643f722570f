// Hands bytes the core made (an error report, later payout files) to the operator as a
// download: a Blob behind an <a download>. The browser saves it to its downloads; Electron
// shows its save dialog. No Node, no extra IPC call, the same in both.

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const ZIP_TYPE = 'application/zip';
export const PDF_TYPE = 'application/pdf';

/** Long enough for the browser to have started reading the Blob; the URL is then let go. */
const REVOKE_AFTER_MS = 60_000;

export function saveDownload(fileName: string, bytes: Uint8Array, type: string): void {
  // A copy: the Blob must own an ArrayBuffer, not a view into a bigger or shared one.
  const blob = new Blob([new Uint8Array(bytes)], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
