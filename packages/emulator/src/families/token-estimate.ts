// Words, numbers and single punctuation marks: close to BPE counts for English prose
// ("Hello World!" is 3 tokens for Titan, as recorded).
const TOKEN_PATTERN = /[\p{L}\p{M}]+|\p{N}+|[^\s\p{L}\p{M}\p{N}]/gu;

/**
 * A deterministic approximation of a model's token count for `text`.
 *
 * @example
 * estimateTokenCount("Hello World!"); // 3
 */
export function estimateTokenCount(text: string): number {
  return text.match(TOKEN_PATTERN)?.length ?? 0;
}

/**
 * The pieces `estimateTokenCount` counts, each with its leading whitespace kept, so the pieces
 * joined give back the text (used where a native body lists tokens, e.g. AI21 Jurassic).
 *
 * @example
 * tokenPieces("Hi there!"); // ["Hi", " there", "!"]
 */
export function tokenPieces(text: string): string[] {
  const pieces: string[] = [];
  let last = 0;
  for (const match of text.matchAll(TOKEN_PATTERN)) {
    const end = (match.index ?? 0) + match[0].length;
    pieces.push(text.slice(last, end));
    last = end;
  }
  if (last < text.length) {
    if (pieces.length === 0) pieces.push(text.slice(last));
    else pieces[pieces.length - 1] += text.slice(last);
  }
  return pieces;
}
