import { Agent, type Middleware } from "@sluice/core";
import { canAbort } from "@sluice/core/internal";
import { ScriptedModel } from "@sluice/core/testing";
import { describe, expect, it } from "vitest";
import { linkSignals } from "./next-with-signal.js";

describe("linkSignals", () => {
  it("aborts with the reason of whichever signal aborts first, and stops listening once unlinked", () => {
    const first = new AbortController();
    const second = new AbortController();
    const linked = linkSignals(first.signal, second.signal);
    second.abort("deadline");
    expect(linked.signal.aborted).toBe(true);
    expect(linked.signal.reason).toBe("deadline");

    const alreadyAborted = linkSignals(new AbortController().signal, second.signal);
    expect(alreadyAborted.signal.reason).toBe("deadline");

    const caller = new AbortController();
    const timer = new AbortController();
    const detached = linkSignals(caller.signal, timer.signal);
    detached.unlink();
    caller.abort("late");
    expect(detached.signal.aborted).toBe(false);
  });

  it("hands back the one signal that can abort when the others never can", async () => {
    let runSignal: AbortSignal | undefined;
    const capture: Middleware = { name: "capture", model: (call, next) => ((runSignal = call.signal), next()) };
    await new Agent({ modelId: "test", model: new ScriptedModel(["ok"]), middleware: [capture] }).send("hi");
    expect(canAbort(runSignal)).toBe(false); // a run started without a signal
    const timeout = new AbortController();
    const linked = linkSignals(runSignal as AbortSignal, timeout.signal);
    expect(linked.signal).toBe(timeout.signal);
    timeout.abort("idle");
    expect(linked.signal.reason).toBe("idle");
  });
});
