/** A malformed or unsupported MSPDI document; the message names the element and the line, e.g. `line 812: <ConstraintType> value "x" is not a number`. */
export class MspdiError extends Error {
  override name = 'MspdiError';
  /** 1-based line of the offending element, when known. */
  readonly line: number | undefined;

  constructor(message: string, line?: number, options?: { cause?: unknown }) {
    super(line === undefined ? message : `line ${line}: ${message}`, options);
    this.line = line;
  }
}
