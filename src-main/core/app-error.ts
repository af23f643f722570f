import type { AppErrorData, ErrorCode, ErrorDetails } from './error-catalogue';

export type {
  AppErrorData,
  AppErrorOf,
  ErrorCode,
  ErrorDetails,
  ErrorFact,
  ErrorFacts,
  TransportProblem,
} from './error-catalogue';

/** An expected failure with a sentence for the operator; crosses IPC as data, never as an Error. */
export class AppError<C extends ErrorCode = ErrorCode> extends Error {
  constructor(
    readonly code: C,
    message: string,
    /** Only the details ErrorDetails gives this code: what the renderer reads with its type. */
    readonly details?: ErrorDetails[C],
  ) {
    super(message);
    this.name = 'AppError';
  }

  toData(): AppErrorData {
    // The code and its details were checked together by the constructor; TypeScript cannot
    // follow that correlation through the generic, so the union is named here once.
    return (
      this.details
        ? { code: this.code, message: this.message, details: this.details }
        : { code: this.code, message: this.message }
    ) as AppErrorData;
  }
}
