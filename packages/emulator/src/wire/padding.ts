const alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const shortest = 2;
const longest = 61;
/** Every padding value the service uses is a prefix of this alphabet; precomputed once. */
const prefixes: readonly string[] = Array.from({ length: longest + 1 }, (_, length) => alphabet.slice(0, length));

/**
 * Produces the `p` padding values real event payloads carry (a prefix of the alphanumeric
 * alphabet, 2..61 characters). Lengths follow a fixed cycle so runs are reproducible; clients
 * ignore the value.
 *
 * @example
 * const padding = new PaddingSource();
 * padding.next(); // "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRS" (some prefix)
 */
export class PaddingSource {
  private counter = 0;

  next(): string {
    // A stride coprime with the range walks every length before repeating.
    this.counter = (this.counter + 37) % (longest - shortest + 1);
    return prefixes[shortest + this.counter] ?? alphabet;
  }
}
