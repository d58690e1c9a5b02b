/**
 * A readable one-line description of anything that was thrown: an error's message (with its name
 * when that says more than "Error"), a string as is, anything else as safely as it can be shown.
 * Never throws, whatever the value (null-prototype objects, symbols, revoked proxies).
 *
 * @example
 * describeThrown(Object.create(null)); // "a thrown object with no message"
 */
export function describeThrown(value: unknown): string {
  try {
    if (value instanceof Error) {
      const message = typeof value.message === "string" && value.message !== "" ? value.message : "(no message)";
      return value.name && value.name !== "Error" ? `${value.name}: ${message}` : message;
    }
    if (typeof value === "string") return value === "" ? "an empty string was thrown" : value;
    if (typeof value === "symbol") return `a thrown symbol ${value.description ?? ""}`.trim();
    if (value === undefined || value === null) return `${String(value)} was thrown`;
    if (typeof value === "object") {
      const message = (value as { message?: unknown }).message;
      if (typeof message === "string" && message !== "") return message;
      return "a thrown object with no message";
    }
    return `${typeof value} ${String(value)} was thrown`;
  } catch {
    return "a thrown value that cannot be described";
  }
}
