import { SluiceError, type AgentResult } from "@sluice/core";

/**
 * The model gave no valid structured answer: it kept answering with input its schema refuses
 * (more than `maxRetries` times), or it ended the run without calling the answer tool. When the
 * error ends a run, that run is rolled back and the conversation is as before it.
 *
 * @example
 * try { await output.send(agent, "Summarise"); } catch (error) { if (StructuredOutputError.isInstance(error)) console.log(error.problem); }
 */
export class StructuredOutputError extends SluiceError {
  /** What was wrong with the last answer, as the model was told. */
  readonly problem: string;
  /** The run's result, when the run itself completed (the model never called the answer tool). */
  readonly result: AgentResult | undefined;

  constructor(message: string, problem: string, result?: AgentResult) {
    super("structured-output", message);
    this.problem = problem;
    this.result = result;
  }
}
