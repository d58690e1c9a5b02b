/**
 * Splits text into stream pieces of at most `size` characters (never splitting a surrogate pair).
 * Empty text yields no pieces; a size below 1 is treated as 1.
 *
 * @example
 * textChunks("Hello world", 4); // ["Hell", "o wo", "rld"]
 */
export function textChunks(text: string, size: number): string[] {
  const characters = Array.from(text);
  const step = Math.max(1, Math.floor(size));
  const pieces: string[] = [];
  for (let start = 0; start < characters.length; start += step) {
    pieces.push(characters.slice(start, start + step).join(""));
  }
  return pieces;
}

/**
 * Splits a total (e.g. output tokens) across `parts` pieces as running totals, so the last
 * running total equals `total` exactly (Llama and Titan stream cumulative token counts).
 *
 * @example
 * runningTotals(10, 3); // [3, 7, 10]
 */
export function runningTotals(total: number, parts: number): number[] {
  const totals: number[] = [];
  for (let index = 1; index <= parts; index++) totals.push(Math.round((total * index) / parts));
  return totals;
}
