import { describe, expect, it } from 'vitest';
import { asLoadableConfig, decoderFamilyById, decoderFamilyOf, FAMILY_CONFIG_KEY } from './decoder-family';

describe('decoder families', () => {
  it('recognises openPangu-Embedded by its architecture or its model_type', () => {
    expect(decoderFamilyOf('PanguEmbedded', ['PanguEmbeddedForCausalLM'])?.id).toBe('pangu');
    expect(decoderFamilyOf('PanguEmbedded')?.id).toBe('pangu');
    expect(decoderFamilyOf(undefined, ['PanguEmbeddedForCausalLM'])?.label).toMatch(/^openPangu-Embedded · Llama-family decoder with attention biases$/);
    expect(decoderFamilyOf('llama', ['LlamaForCausalLM'])).toBeUndefined();
    expect(decoderFamilyOf('PanguProMoE', ['PanguProMoEForCausalLM'])).toBeUndefined();
  });

  it('rewrites a Pangu config to load as a Llama, noting the family; other configs are left alone', () => {
    const config = asLoadableConfig({ model_type: 'PanguEmbedded', architectures: ['PanguEmbeddedForCausalLM'], bias: true });
    expect(config).toMatchObject({ model_type: 'llama', architectures: ['LlamaForCausalLM'], bias: true });
    expect(decoderFamilyById((config as Record<string, unknown>)[FAMILY_CONFIG_KEY])?.fastThinkingSuffix).toBe(' /no_think');
    const other = { model_type: 'qwen2', architectures: ['Qwen2ForCausalLM'] };
    expect(asLoadableConfig(other)).toEqual({ model_type: 'qwen2', architectures: ['Qwen2ForCausalLM'] });
  });
});
