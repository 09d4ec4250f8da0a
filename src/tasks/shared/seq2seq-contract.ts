// The output every encoder-decoder task shares (translation, summarization, text2text-generation): pure, both threads.

export interface Seq2SeqOutput {
  /** The text the model was given (with any prompt prefix). */
  source: string;
  text: string;
  /** True when Stop ended the generation early. */
  stopped: boolean;
}
