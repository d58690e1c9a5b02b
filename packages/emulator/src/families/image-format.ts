/**
 * The image format of base64 data, read from its first bytes (PNG, JPEG, GIF, WebP); "png" when unknown.
 * Families that take bare base64 images (Llama 3.2 `images`) need it to build Converse image blocks.
 *
 * @example
 * imageFormatOfBase64("/9j/4AAQSkZJRg"); // "jpeg"
 */
export function imageFormatOfBase64(data: string): string {
  if (data.startsWith("/9j/")) return "jpeg";
  if (data.startsWith("R0lGOD")) return "gif";
  if (data.startsWith("UklGR")) return "webp";
  return "png";
}
