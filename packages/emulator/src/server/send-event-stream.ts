import { findException } from "../errors/exception-table.js";
import { baseHeaders } from "./call-context.js";
import type { CallContext } from "./call-context.js";
import { sleep } from "./sleep.js";

/** Produces one encoded frame when it is about to be sent (so latency figures are current). */
export type FrameSource = () => Uint8Array;

/**
 * Sends an event-stream response: 200 with `application/vnd.amazon.eventstream`, then the frames,
 * paced by the streaming options, honouring stream faults (an exception frame or a dropped
 * connection after N events). Without pacing or faults the frames go out in one write.
 *
 * @example
 * await sendEventStream(context, { "X-Amzn-Bedrock-Content-Type": "application/json" }, frames);
 */
export async function sendEventStream(
  context: CallContext,
  extraHeaders: Record<string, string | number>,
  frames: readonly FrameSource[],
): Promise<void> {
  const { channel, state, fault, signal } = context;
  channel.startStream(200, {
    ...baseHeaders(context.requestId),
    "Content-Type": "application/vnd.amazon.eventstream",
    ...extraHeaders,
  });
  const effect = fault.effect;
  const stopAfter =
    effect !== undefined && effect.type !== "error" ? Math.min(effect.afterEvents ?? 0, frames.length) : frames.length;
  const { firstTokenDelayMs, chunkDelayMs } = state.streaming;
  const paced = firstTokenDelayMs > 0 || chunkDelayMs > 0;
  if (!paced && stopAfter === frames.length && effect === undefined) {
    channel.end(Buffer.concat(frames.map((frame) => frame())));
    return;
  }
  for (let index = 0; index < stopAfter; index += 1) {
    const wait = index === 0 ? firstTokenDelayMs : chunkDelayMs;
    if (!(await sleep(wait, signal)) || channel.closed) return;
    const frame = frames[index];
    if (frame !== undefined) await channel.write(frame());
  }
  if (effect?.type === "disconnect") {
    channel.drop();
    return;
  }
  if (effect?.type === "corrupt") {
    // A real frame with one payload byte flipped: its message checksum no longer matches.
    const frame = Uint8Array.from(frames[stopAfter]?.() ?? state.encoder.event("messageStop", { stopReason: "end_turn" }));
    const at = Math.max(12, frame.length - 6);
    frame[at] = (frame[at] ?? 0) ^ 0xff;
    channel.end(frame);
    return;
  }
  if (effect?.type === "stream-error") {
    const exception = findException(effect.exception);
    const memberName = exception?.streamMemberName ?? "internalServerException";
    const payload = { message: effect.message ?? exception?.defaultMessage ?? "Stream failed.", ...defaultMembers(effect.exception), ...effect.members };
    channel.end(state.encoder.exception(memberName, payload));
    return;
  }
  channel.end();
}

function defaultMembers(exceptionName: string): Record<string, unknown> {
  // Real modelStreamErrorException frames carry the model's own failure.
  if (exceptionName === "ModelStreamErrorException") return { originalStatusCode: 500, originalMessage: "The model stream failed." };
  return {};
}
