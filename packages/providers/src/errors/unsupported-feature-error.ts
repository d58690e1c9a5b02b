import { SluiceError } from "@sluice/core";

/**
 * A request uses something its model family cannot do over InvokeModel (tools on Titan,
 * images on Llama 3, a PDF for Cohere...). Thrown before any network call; `family` and
 * `feature` name what clashed.
 *
 * @example
 * catch (error) { if (UnsupportedFeatureError.isInstance(error)) console.log(error.family, error.feature); }
 */
export class UnsupportedFeatureError extends SluiceError {
  /** The family's `family` name, e.g. `amazon-titan-text`. */
  readonly family: string;
  /** What was asked for, e.g. `tools`, `images`, `tool choice "tool"`. */
  readonly feature: string;

  constructor(family: string, displayName: string, feature: string, hint: string) {
    super(
      "unsupported-feature",
      `${displayName} (${family}) does not support ${feature} over InvokeModel. ${hint}`.trim(),
    );
    this.family = family;
    this.feature = feature;
  }
}
