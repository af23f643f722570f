// The audit package's calls for the Audit screen: both run on the task lane (progress with TaskProgress, stopped with
// task.cancel), and both answer as data (a refusal is an AppErrorData, never an exception).
import type { AuditPackageFile, AuditVerification, CallResult } from '../../../src-main/ipc/contract';
import { safeCall } from '../../api/use-call';

/** The whole program's audit package, as a zip to save where the coordinator says. */
export function exportAuditPackage(): Promise<CallResult<AuditPackageFile>> {
  return safeCall('audit.export');
}

/** The data file in use verified, or, given its bytes, an audit package the coordinator chose. */
export function verifyAudit(chosen?: {
  fileName: string;
  bytes: Uint8Array<ArrayBuffer>;
}): Promise<CallResult<AuditVerification>> {
  return safeCall('audit.verify', chosen ? { package: chosen } : {});
}
