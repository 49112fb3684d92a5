/**
 * A backup or restore that cannot go on, for a reason the operator can act on: the CLI prints the message as one
 * sentence (exit 1), or with the usage line when it is about the DIR argument (exit 2). Anything else is a bug
 * and keeps its stack.
 */
export class BackupError extends Error {
  constructor(
    message: string,
    readonly aboutArgument = false,
  ) {
    super(message)
  }
}
