import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { EventStreamCodec } from "@smithy/eventstream-codec";
import type { MessageHeaderValue } from "@smithy/eventstream-codec";
import { fromUtf8, toUtf8 } from "@smithy/util-utf8";
import { describe, expect, it } from "vitest";
import { fixturesRoot } from "./helpers/recorded-fixtures.js";

const vectorsRoot = path.join(fixturesRoot, "smithy-eventstream-test-vectors");
const present = existsSync(vectorsRoot);
if (!present) console.warn(`Skipping event-stream codec vectors: ${vectorsRoot} is absent.`);

const codec = new EventStreamCodec(toUtf8, fromUtf8);
const names = (kind: "positive" | "negative") => (present ? readdirSync(path.join(vectorsRoot, "encoded", kind)).sort() : []);
const encoded = (kind: string, name: string) => new Uint8Array(readFileSync(path.join(vectorsRoot, "encoded", kind, name)));
const described = (kind: string, name: string) => readFileSync(path.join(vectorsRoot, "decoded", kind, name), "utf8");

interface DescribedHeader {
  name: string;
  type: number;
  value: unknown;
}

/** The header value as the vector files write it (base64 for bytes/strings/uuid, numbers otherwise). */
function asDescribed(header: MessageHeaderValue): unknown {
  switch (header.type) {
    case "boolean":
    case "byte":
    case "short":
    case "integer":
      return header.value;
    case "long":
      return Number(header.value.toString());
    case "binary":
      return Buffer.from(header.value).toString("base64");
    case "string":
      return Buffer.from(header.value, "utf8").toString("base64");
    case "timestamp":
      return header.value.getTime();
    case "uuid":
      return Buffer.from(header.value.replaceAll("-", ""), "hex").toString("base64");
  }
}

const typeNumbers: Record<string, number> = { byte: 2, short: 3, integer: 4, long: 5, binary: 6, string: 7, timestamp: 8, uuid: 9 };

describe.skipIf(!present)("Smithy event-stream test vectors through our codec", () => {
  it.each(names("positive"))("decodes %s to the described message and re-encodes it byte for byte", (name) => {
    const bytes = encoded("positive", name);
    const expected = JSON.parse(described("positive", name)) as { headers: DescribedHeader[]; payload: string; total_length: number };
    const message = codec.decode(bytes);
    const headers = Object.entries(message.headers).map(([headerName, header]) => ({
      name: headerName,
      type: header.type === "boolean" ? (header.value ? 0 : 1) : typeNumbers[header.type],
      value: asDescribed(header),
    }));
    expect(headers).toEqual(expected.headers);
    expect(Buffer.from(message.body).toString("base64")).toBe(expected.payload);
    expect(bytes.length).toBe(expected.total_length);
    expect(Buffer.from(codec.encode(message)).equals(Buffer.from(bytes))).toBe(true);
  });

  it.each(names("negative"))("refuses %s with the described checksum error", (name) => {
    const expected = described("negative", name).trim();
    // With a corrupted length field the codec notices the length mismatch before the prelude CRC.
    const pattern = expected.startsWith("Prelude") ? /prelude checksum|message length does not match/i : /checksum/i;
    expect(() => codec.decode(encoded("negative", name))).toThrow(pattern);
  });
});
