import type { ConverseStreamOutput } from "@aws-sdk/client-bedrock-runtime";
import { type ModelResponse } from "@sluice/core";
import { ResponseAssembler } from "@sluice/core/internal";
import { ConverseStreamWriter, type NativeBody, type NativeStreamDecoder } from "../src/index.js";

/** The events of a stream run to its end, and the response they assemble into. */
export interface AssembledStream {
  events: ConverseStreamOutput[];
  response: ModelResponse;
}

function assemble(events: ConverseStreamOutput[]): AssembledStream {
  const assembler = new ResponseAssembler();
  for (const event of events) assembler.add(event);
  return { events, response: assembler.finish() };
}

/** Reads a model's ConverseStream to the end. */
export async function collectStream(stream: AsyncIterable<ConverseStreamOutput>): Promise<AssembledStream> {
  const events: ConverseStreamOutput[] = [];
  for await (const event of stream) events.push(event);
  return assemble(events);
}

/** Runs native stream chunks through a family's decoder to the end of the stream. */
export function decodeChunks(createDecoder: (writer: ConverseStreamWriter) => NativeStreamDecoder, chunks: readonly NativeBody[]): AssembledStream {
  const writer = new ConverseStreamWriter();
  const decoder = createDecoder(writer);
  for (const chunk of chunks) decoder.push(chunk);
  decoder.end();
  writer.finish();
  return assemble(writer.drain());
}
