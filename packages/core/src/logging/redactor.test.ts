import { describe, expect, it } from "vitest";
import { createRedactor } from "./redactor.js";

describe("createRedactor", () => {
  it("redacts secret keys at any depth but keeps token counts", () => {
    const redact = createRedactor();
    const record = {
      headers: { Authorization: "AWS4-HMAC-SHA256 Credential=x", "x-amz-security-token": "abc", "content-type": "json" },
      input: { apiKey: "k-1", db_password: "p", clientSecret: "s", githubToken: "t", nested: [{ password: "q" }] },
      usage: { inputTokens: 5, outputTokens: 6, totalTokens: 11 },
    };
    expect(redact(record)).toEqual({
      headers: { Authorization: "[REDACTED]", "x-amz-security-token": "[REDACTED]", "content-type": "json" },
      input: { apiKey: "[REDACTED]", db_password: "[REDACTED]", clientSecret: "[REDACTED]", githubToken: "[REDACTED]", nested: [{ password: "[REDACTED]" }] },
      usage: { inputTokens: 5, outputTokens: 6, totalTokens: 11 },
    });
    expect(record.input.apiKey).toBe("k-1");
  });

  it("removes secrets recognisable by their shape from any text", () => {
    const redact = createRedactor();
    const text = [
      "key AKIASLUICETEST000001 here",
      "header Bearer eyJhbGciOiJIUzI1NiJ9.payload.sig",
      "sigv4 Credential=AKIA/20260101/us-east-1/bedrock/aws4_request, Signature=0123abcdef",
      "url postgres://admin:hunter2@db.internal:5432/app",
      "aws_secret_access_key = wJalrXUtnFEMI",
    ].join("\n");
    const cleaned = redact({ message: text }).message;
    for (const secret of ["AKIASLUICETEST000001", "eyJhbGciOiJIUzI1NiJ9", "0123abcdef", "hunter2", "wJalrXUtnFEMI", "Credential=AKIA/"]) {
      expect(cleaned).not.toContain(secret);
    }
    expect(cleaned).toContain("db.internal:5432/app");
  });

  it("matches a configured path wherever the record's path ends with it", () => {
    const redact = createRedactor({ paths: ["card.number"] });
    expect(redact({ input: { card: { number: "1" } }, response: [{ toolUse: { input: { card: { number: "2", kind: "visa" } } } }] })).toEqual({
      input: { card: { number: "[REDACTED]" } },
      response: [{ toolUse: { input: { card: { number: "[REDACTED]", kind: "visa" } } } }],
    });
  });

  it("redacts configured paths (with wildcards), keys and literal values", () => {
    const redact = createRedactor({ paths: ["input.card.number", "messages.*.ssn"], keys: ["iban", /^x-partner-/], values: ["partner-key-123"] });
    expect(
      redact({
        input: { card: { number: "4111", expiry: "12/30" } },
        messages: [{ ssn: "1", name: "a" }, { ssn: "2" }],
        account: { IBAN: "DE00", "x-partner-id": "p" },
        note: "uses partner-key-123 daily",
      }),
    ).toEqual({
      input: { card: { number: "[REDACTED]", expiry: "12/30" } },
      messages: [{ ssn: "[REDACTED]", name: "a" }, { ssn: "[REDACTED]" }],
      account: { IBAN: "[REDACTED]", "x-partner-id": "[REDACTED]" },
      note: "uses [REDACTED] daily",
    });
  });
});
