/**
 * A failed `declare()` rejects before Pulumi awaits the program's export, so Node first reports the
 * rejection as unhandled (Pulumi's handler prints it and fails the run, as it must: a declare()
 * that is not exported must not pass silently) and then, once Pulumi awaits the export, warns that
 * the rejection was handled after all. That second report says nothing new, so it is not printed.
 */
let installed = false;

export function silenceLateHandledRejectionWarnings(): void {
  if (installed) return;
  installed = true;
  const emitWarning = process.emitWarning.bind(process) as (...args: unknown[]) => void;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    if (typeof warning === "object" && warning.name === "PromiseRejectionHandledWarning") return;
    emitWarning(warning, ...rest);
  }) as typeof process.emitWarning;
}
