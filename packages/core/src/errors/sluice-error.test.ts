import { describe, expect, it } from "vitest";
import { AbortError } from "./abort-error.js";
import { BedrockError } from "./bedrock-error.js";
import { ConfigurationError } from "./configuration-error.js";
import { SluiceError } from "./sluice-error.js";

class CustomAbort extends AbortError {}

describe("the inherited isInstance guard", () => {
  it("recognises an error of the class it is read from and of its subclasses only", () => {
    const abort = new CustomAbort("stopped");
    expect(SluiceError.isInstance(abort)).toBe(true);
    expect(AbortError.isInstance(abort)).toBe(true);
    expect(CustomAbort.isInstance(abort)).toBe(true);
    expect(ConfigurationError.isInstance(abort)).toBe(false);
    expect(CustomAbort.isInstance(new AbortError())).toBe(false);
    expect(BedrockError.isInstance(new Error("plain"))).toBe(false);
    expect(SluiceError.isInstance(undefined)).toBe(false);
  });

  it("works detached (as a predicate) and across copies of the class, by class names", () => {
    const is = ConfigurationError.isInstance;
    expect([new ConfigurationError("x"), new AbortError()].map((error) => is(error))).toEqual([true, false]);
    // An error from another copy of the package carries the same class names.
    const foreign = Object.assign(new Error("x"), { [Symbol.for("sluice.error")]: ["ConfigurationError", "SluiceError"] });
    expect(ConfigurationError.isInstance(foreign)).toBe(true);
  });
});
