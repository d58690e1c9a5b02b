/**
 * Collects schema-constraint violations and words them the way the service's request validator
 * does (`Value 'x' at 'a.1.member.b' failed to satisfy constraint: …`, 1-based list positions),
 * joined as `N validation errors detected: …; …`.
 *
 * @example
 * const violations = new ConstraintViolations();
 * violations.minimum(0, "inferenceConfig.maxTokens", 1);
 * violations.message(); // "1 validation error detected: Value '0' at 'inferenceConfig.maxTokens' failed to satisfy constraint: Member must have value greater than or equal to 1"
 */
export class ConstraintViolations {
  private readonly items: string[] = [];

  get count(): number {
    return this.items.length;
  }

  add(value: unknown, path: string, constraint: string): void {
    const shown = value === null || value === undefined ? "null" : `'${typeof value === "string" ? value : JSON.stringify(value)}'`;
    this.items.push(`Value ${shown} at '${path}' failed to satisfy constraint: ${constraint}`);
  }

  notNull(value: unknown, path: string): boolean {
    if (value !== undefined && value !== null) return true;
    this.add(null, path, "Member must not be null");
    return false;
  }

  minimum(value: number, path: string, bound: number): void {
    if (value < bound) this.add(value, path, `Member must have value greater than or equal to ${bound}`);
  }

  maximum(value: number, path: string, bound: number): void {
    if (value > bound) this.add(value, path, `Member must have value less than or equal to ${bound}`);
  }

  length(value: string | readonly unknown[], path: string, minimum: number, maximum?: number): void {
    if (value.length < minimum) this.add(value, path, `Member must have length greater than or equal to ${minimum}`);
    if (maximum !== undefined && value.length > maximum) {
      this.add(value, path, `Member must have length less than or equal to ${maximum}`);
    }
  }

  pattern(value: string, path: string, pattern: RegExp, shown: string): void {
    if (!pattern.test(value)) this.add(value, path, `Member must satisfy regular expression pattern: ${shown}`);
  }

  enumeration(value: unknown, path: string, allowed: readonly string[]): void {
    if (!allowed.includes(value as string)) {
      this.add(value, path, `Member must satisfy enum value set: [${allowed.join(", ")}]`);
    }
  }

  message(): string {
    const count = this.items.length;
    return `${count} validation error${count === 1 ? "" : "s"} detected: ${this.items.join("; ")}`;
  }
}
