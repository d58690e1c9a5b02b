import type { ConverseStreamOutput } from "@sluice/core";

/**
 * True for the events that carry part of the answer (a content block starting or a delta).
 * Everything before the first of these (`messageStart`) can be discarded and replaced when a
 * call is retried, without the caller noticing.
 *
 * @example
 * if (isOutputEvent(event)) delivered = true;
 */
export function isOutputEvent(event: ConverseStreamOutput): boolean {
  return event.contentBlockDelta !== undefined || event.contentBlockStart !== undefined || event.contentBlockStop !== undefined;
}
