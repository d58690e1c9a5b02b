import { describe, expect, it } from "vitest";
import { FaultInjector } from "./fault-injector.js";

const throttle = { type: "error", exception: "ThrottlingException" } as const;

describe("FaultInjector", () => {
  it("limits a fault to its operations and model, counting only calls in scope", () => {
    const injector = new FaultInjector();
    injector.add({ operations: ["ConverseStream"], modelId: "amazon.nova-micro-v1:0", everyNth: 2, effect: throttle });
    expect(injector.decide("Converse", "amazon.nova-micro-v1:0").effect).toBeUndefined();
    expect(injector.decide("ConverseStream", "anthropic.claude-3-haiku-20240307-v1:0").effect).toBeUndefined();
    expect(injector.decide("ConverseStream", "us.amazon.nova-micro-v1:0").effect).toBeUndefined();
    expect(injector.decide("ConverseStream", "amazon.nova-micro-v1:0").effect).toEqual(throttle);
  });

  it("stops after `times` firings and sums latency faults", () => {
    const injector = new FaultInjector();
    injector.add({ times: 1, effect: throttle });
    injector.add({ effect: { type: "latency", delayMs: 30 } });
    injector.add({ effect: { type: "latency", delayMs: 20 } });
    expect(injector.decide("Converse", "m.x")).toEqual({ delayMs: 50, effect: throttle });
    expect(injector.decide("Converse", "m.x")).toEqual({ delayMs: 50 });
    expect(injector.list().map((fault) => fault.fired)).toEqual([1, 2, 2]);
  });

  it("skips stream-only faults on non-streaming operations", () => {
    const injector = new FaultInjector();
    injector.add({ effect: { type: "stream-error", exception: "ModelStreamErrorException", afterEvents: 1 } });
    expect(injector.decide("Converse", "m.x").effect).toBeUndefined();
    expect(injector.decide("ConverseStream", "m.x").effect?.type).toBe("stream-error");
  });

  it("removes faults by id and validates their shape", () => {
    const injector = new FaultInjector();
    const id = injector.add({ effect: throttle });
    expect(injector.remove(id)).toBe(true);
    expect(injector.size).toBe(0);
    expect(() => injector.add({ everyNth: 0, effect: throttle })).toThrow("everyNth must be a positive integer");
    expect(() => injector.add({ effect: { type: "stream-error", exception: "AccessDeniedException" } })).toThrow(/cannot appear inside an event stream/);
  });
});
