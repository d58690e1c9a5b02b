let cachedSecond = -1;
let cachedValue = "";

/**
 * The HTTP `Date` header value, recomputed at most once per second (it has one-second precision).
 *
 * @example
 * httpDate(); // "Mon, 03 Mar 2025 04:51:28 GMT"
 */
export function httpDate(now: number = Date.now()): string {
  const second = Math.floor(now / 1000);
  if (second !== cachedSecond) {
    cachedSecond = second;
    cachedValue = new Date(second * 1000).toUTCString();
  }
  return cachedValue;
}
