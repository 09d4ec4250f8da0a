import type { CatalogEntry } from '../tasks/types';
import { own } from '../protocol/own';

type Info = Pick<CatalogEntry, 'arch' | 'license' | 'sizeByDtype'>;

// Architecture, licence and per-precision sizes of catalog models, kept apart from the task folders so a
// task's meta.ts stays short. Sizes are the files a pipeline load fetches (ONNX + config + tokenizer or
// preprocessor), in MB; the mirror models' sizes are measured from ../shared/models.
const INFO: Record<string, Info> = {
  'minishlab/potion-base-4M': { arch: 'bert (Model2Vec static embeddings)', license: 'mit', sizeByDtype: { q8: 4.5 } },
  'fixtures/potion-base-4M-sentiment-anchors': { arch: 'bert', license: 'mit', sizeByDtype: { q8: 4.5 } },
  'fixtures/potion-base-4M-zeroshot-nli': { arch: 'bert', license: 'mit', sizeByDtype: { q8: 4.5 } },
  'karpathy/tinyllamas-stories260K': { arch: 'llama', license: 'mit', sizeByDtype: { fp32: 1.2 } },
  'onnxmodelzoo/mobilenetv2-12-int8': { arch: 'mobilenet_v2', license: 'apache-2.0', sizeByDtype: { q8: 3.7 } },
  'Megvii-BaseDetection/yolox-nano': { arch: 'yolox (as detr outputs)', license: 'apache-2.0', sizeByDtype: { fp32: 3.7 } },
  'Xenova/distilbert-base-uncased-finetuned-sst-2-english': { arch: 'distilbert', license: 'apache-2.0' },
  'Xenova/all-MiniLM-L6-v2': { arch: 'bert', license: 'apache-2.0' },
  'Xenova/bge-small-en-v1.5': { arch: 'bert', license: 'mit' },
  'Xenova/bert-base-uncased': { arch: 'bert', license: 'apache-2.0' },
  'Xenova/distilroberta-base': { arch: 'roberta', license: 'apache-2.0' },
  'Xenova/bert-base-NER': { arch: 'bert', license: 'mit' },
  'Xenova/distilbert-base-cased-distilled-squad': { arch: 'distilbert', license: 'apache-2.0' },
  'Xenova/distilbert-base-uncased-distilled-squad': { arch: 'distilbert', license: 'apache-2.0' },
  'Xenova/t5-small': { arch: 't5', license: 'apache-2.0' },
  'Xenova/flan-t5-small': { arch: 't5', license: 'apache-2.0' },
  'Xenova/distilbart-cnn-6-6': { arch: 'bart', license: 'apache-2.0' },
  'Xenova/bart-large-mnli': { arch: 'bart', license: 'mit' },
  'Xenova/m2m100_418M': { arch: 'm2m_100', license: 'mit' },
  'Xenova/nllb-200-distilled-600M': { arch: 'm2m_100 (NLLB)', license: 'cc-by-nc-4.0' },
  'Xenova/opus-mt-en-de': { arch: 'marian', license: 'cc-by-4.0' },
  'HuggingFaceTB/SmolLM2-135M-Instruct': { arch: 'llama', license: 'apache-2.0' },
  'HuggingFaceTB/SmolLM2-360M-Instruct': { arch: 'llama', license: 'apache-2.0' },
  'onnx-community/Qwen2.5-0.5B-Instruct': { arch: 'qwen2', license: 'apache-2.0' },
  // The model's own licence (OPENPANGU MODEL LICENSE AGREEMENT 1.0), not an SPDX one.
  'FreedomIntelligence/openPangu-Embedded-1B-V1.1': { arch: 'PanguEmbedded (Llama-family, attention biases)', license: 'openpangu-model-license-1.0' },
  'tiny-random/openpangu-embedded': { arch: 'PanguEmbedded (Llama-family, attention biases)', license: 'openpangu-model-license-1.0', sizeByDtype: { fp32: 0.5, q4: 0.2 } },
  'Xenova/distilgpt2': { arch: 'gpt2', license: 'apache-2.0' },
  'Xenova/vit-base-patch16-224': { arch: 'vit', license: 'apache-2.0' },
  'Xenova/yolos-tiny': { arch: 'yolos', license: 'apache-2.0' },
  'Xenova/detr-resnet-50': { arch: 'detr', license: 'apache-2.0' },
};

/** A catalog entry with what we know about its architecture, licence and sizes. */
export function describeEntry(entry: CatalogEntry): CatalogEntry {
  return { ...own(INFO, entry.id), ...entry };
}
