import { SluiceError } from "@sluice/core";

/**
 * A handler returned a value its tool's `output` schema refuses. The call fails (the model gets
 * an error result and the application a `tool-error` event) because the bug is in the tool.
 *
 * @example
 * agent.on("tool-error", (event) => { if (ToolOutputError.isInstance(event.error)) report(event.error); });
 */
export class ToolOutputError extends SluiceError {
  readonly toolName: string;

  constructor(toolName: string, summary: string) {
    super("tool-output", `Tool "${toolName}" returned output that does not match its output schema: ${summary}`);
    this.toolName = toolName;
  }
}
