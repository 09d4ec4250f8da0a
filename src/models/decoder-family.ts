// Llama-family decoders that Transformers.js has no model type for, but that the project's exporter
// (scripts/llama-onnx) writes in the Llama decoder's exact ONNX contract. They keep their own identity in
// config.json (so the app can say what they are) and load as a Llama. Pure: used by both threads.

export interface DecoderFamily {
  id: 'pangu';
  /** What the model plan and load status say it is. */
  label: string;
  /** The config keys that make Transformers.js build it as this model type. */
  loadAs: { model_type: string; architectures: string[] };
  /**
   * The model's turn-level switch to fast thinking, appended to the user's message (not part of its chat
   * template): openPangu-Embedded V1.1 reads " /no_think" at the end of a user turn.
   */
  fastThinkingSuffix?: string;
  /**
   * Render the chat template to text, then tokenize it as ordinary text (which adds <s>): what the model's
   * own inference example does; its template does not emit <s> itself.
   */
  tokenizeRenderedTemplate?: boolean;
  /** The tokens a reply's thinking sits between, shown apart from the answer. */
  thinkingMarkers?: readonly [string, string];
}

const FAMILIES: readonly (DecoderFamily & { architectures: string[]; modelTypes: string[] })[] = [
  {
    id: 'pangu',
    label: 'openPangu-Embedded · Llama-family decoder with attention biases',
    architectures: ['PanguEmbeddedForCausalLM'],
    modelTypes: ['panguembedded'],
    loadAs: { model_type: 'llama', architectures: ['LlamaForCausalLM'] },
    fastThinkingSuffix: ' /no_think',
    tokenizeRenderedTemplate: true,
    thinkingMarkers: ['[unused16]', '[unused17]'],
  },
];

/** The key the worker leaves in a loaded model's config to say which family it loaded it as. */
export const FAMILY_CONFIG_KEY = 'model_playground_decoder_family';

/** The family a config.json's architectures (else model_type) name; undefined for any other model. */
export function decoderFamilyOf(modelType: string | undefined, architectures: readonly string[] = []): DecoderFamily | undefined {
  return (
    FAMILIES.find((f) => architectures.some((a) => f.architectures.includes(a))) ??
    FAMILIES.find((f) => modelType !== undefined && f.modelTypes.includes(modelType.toLowerCase()))
  );
}

export function decoderFamilyById(id: unknown): DecoderFamily | undefined {
  return FAMILIES.find((f) => f.id === id);
}

/**
 * A loaded config rewritten to load as the family's Llama type, its family noted; the same object when the
 * config names no such family.
 */
export function asLoadableConfig<C extends { model_type?: string | null; architectures?: string[] }>(config: C): C {
  const family = decoderFamilyOf(config.model_type ?? undefined, config.architectures);
  if (!family) return config;
  return Object.assign(config, family.loadAs, { [FAMILY_CONFIG_KEY]: family.id });
}
