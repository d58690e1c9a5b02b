import { EventStreamCodec } from "@smithy/eventstream-codec";
import type { HeaderMarshaller, MessageHeaders } from "@smithy/eventstream-codec";
import { fromUtf8, toUtf8 } from "@smithy/util-utf8";
import { PaddingSource } from "./padding.js";
import { stringifyServiceJson } from "./stringify-service-json.js";

const jsonContentType = { type: "string", value: "application/json" } as const;
const eventMessageType = { type: "string", value: "event" } as const;
const exceptionMessageType = { type: "string", value: "exception" } as const;

/**
 * Encodes Bedrock event-stream messages with the Smithy codec. Header objects are built once per
 * event type and reused (the codec only reads them); header order is the recorded one:
 * `:event-type`, `:content-type`, `:message-type`.
 *
 * @example
 * const encoder = new EventStreamEncoder();
 * const frame = encoder.event("messageStart", { role: "assistant" });
 */
export class EventStreamEncoder {
  private readonly codec = withMemoizedHeaders(new EventStreamCodec(toUtf8, fromUtf8));
  private readonly padding = new PaddingSource();
  private readonly eventHeaders = new Map<string, MessageHeaders>();
  private readonly exceptionHeaders = new Map<string, MessageHeaders>();

  /** An event frame; the payload gets a `p` member and service key order. */
  event(eventType: string, payload: Record<string, unknown>): Uint8Array {
    const body = stringifyServiceJson({ ...payload, p: this.padding.next() });
    return this.codec.encode({ headers: this.headersForEvent(eventType), body: fromUtf8(body) });
  }

  /** A raw event frame whose payload is already serialized (used for `chunk` frames). */
  rawEvent(eventType: string, body: string): Uint8Array {
    return this.codec.encode({ headers: this.headersForEvent(eventType), body: fromUtf8(body) });
  }

  /** An InvokeModelWithResponseStream `chunk` frame: `{"bytes":<base64>,"p":…}`. */
  chunk(nativeJson: string): Uint8Array {
    const bytes = Buffer.from(nativeJson, "utf8").toString("base64");
    return this.rawEvent("chunk", `{"bytes":"${bytes}","p":"${this.padding.next()}"}`);
  }

  /** A modeled exception frame (`:message-type: exception`, lowerCamel `:exception-type`). */
  exception(memberName: string, payload: Record<string, unknown>): Uint8Array {
    let headers = this.exceptionHeaders.get(memberName);
    if (headers === undefined) {
      headers = {
        ":exception-type": { type: "string", value: memberName },
        ":content-type": jsonContentType,
        ":message-type": exceptionMessageType,
      };
      this.exceptionHeaders.set(memberName, headers);
    }
    return this.codec.encode({ headers, body: fromUtf8(stringifyServiceJson(payload)) });
  }

  private headersForEvent(eventType: string): MessageHeaders {
    let headers = this.eventHeaders.get(eventType);
    if (headers === undefined) {
      headers = {
        ":event-type": { type: "string", value: eventType },
        ":content-type": jsonContentType,
        ":message-type": eventMessageType,
      };
      this.eventHeaders.set(eventType, headers);
    }
    return headers;
  }
}

/**
 * Header blocks repeat for every frame of a type, and formatting them dominates encoding time;
 * the encoder reuses one headers object per type, so their bytes are formatted once. The codec
 * still does all the framing (prelude, lengths, CRCs). If a future codec version hides its
 * marshaller, encoding simply stays unmemoized.
 */
function withMemoizedHeaders(codec: EventStreamCodec): EventStreamCodec {
  const marshaller = (codec as unknown as { headerMarshaller?: HeaderMarshaller }).headerMarshaller;
  if (marshaller === undefined || typeof marshaller.format !== "function") return codec;
  const format = marshaller.format.bind(marshaller);
  const formatted = new WeakMap<MessageHeaders, Uint8Array>();
  marshaller.format = (headers: MessageHeaders): Uint8Array => {
    let bytes = formatted.get(headers);
    if (bytes === undefined) {
      bytes = format(headers);
      formatted.set(headers, bytes);
    }
    return bytes;
  };
  return codec;
}
