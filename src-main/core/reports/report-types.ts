// What a report call hands the window: a file to save, as bytes (the window saves it where the coordinator says).

export interface ReportFile {
  fileName: string;
  bytes: Uint8Array;
}
