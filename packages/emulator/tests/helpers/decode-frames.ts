import { EventStreamCodec } from "@smithy/eventstream-codec";
import type { Message } from "@smithy/eventstream-codec";
import { fromUtf8, toUtf8 } from "@smithy/util-utf8";

const codec = new EventStreamCodec(toUtf8, fromUtf8);

/** Splits an event-stream body into messages and decodes each with the Smithy codec. */
export function decodeFrames(bytes: Uint8Array): Message[] {
  const messages: Message[] = [];
  let offset = 0;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  while (offset < bytes.length) {
    const length = view.getUint32(offset);
    messages.push(codec.decode(bytes.subarray(offset, offset + length)));
    offset += length;
  }
  return messages;
}

/** Header names in wire order and the parsed JSON payload of a decoded message. */
export function describeFrame(message: Message): { headerNames: string[]; headers: Record<string, unknown>; payload: Record<string, unknown>; payloadText: string } {
  const headers: Record<string, unknown> = {};
  for (const [name, header] of Object.entries(message.headers)) headers[name] = header.value;
  const payloadText = toUtf8(message.body);
  return { headerNames: Object.keys(message.headers), headers, payload: payloadText.length === 0 ? {} : JSON.parse(payloadText), payloadText };
}
