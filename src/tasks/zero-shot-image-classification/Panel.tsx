import { useId } from 'react';
import type { InputProps, TaskView } from '../types';
import { ImageInput } from '../../ui/kit/ImageInput/ImageInput';
import { imagePayload, sampleImage } from '../../ui/kit/ImageInput/image-value';
import { ScoreBars } from '../../ui/kit/ScoreBars/ScoreBars';
import { LabelEditor } from '../zero-shot-classification/Panel';
import { LABELS_MISSING } from '../zero-shot-classification/labels';
import { DEFAULT_TEMPLATE, templateProblem } from './template';
import type { Input, Output, WorkerInput } from './types';
import '../shared/vision.css';
import { FieldError } from '../../ui/kit/FieldError/FieldError';

const IMAGE_MISSING = 'Choose an image first.';

function Fields({ value, onChange, error, disabled }: InputProps<Input>) {
  const id = useId();
  const at = (which: 'image' | 'labels' | 'template') => {
    if (!error) return undefined;
    if (error === IMAGE_MISSING || !value.image) return which === 'image' ? error : undefined;
    if (error === LABELS_MISSING) return which === 'labels' ? error : undefined;
    if (templateProblem(value.template)) return which === 'template' ? error : undefined;
    return which === 'image' ? error : undefined;
  };
  const templateError = at('template');
  return (
    <>
      <ImageInput value={value.image} onChange={(image) => onChange({ ...value, image })} error={at('image')} disabled={disabled} />
      <LabelEditor labels={value.labels} onChange={(labels) => onChange({ ...value, labels })} error={at('labels')} disabled={disabled} />
      <div className="field">
        <label htmlFor={id}>Prompt template</label>
        <input
          id={id}
          type="text"
          value={value.template}
          onChange={(event) => onChange({ ...value, template: event.target.value })}
          aria-invalid={Boolean(templateError)}
          disabled={disabled}
          data-testid="template-input"
        />
        <FieldError testId="template-error" note={<>Each label is put in place of {'{}'}; CLIP was trained on captions like these.</>}>{templateError}</FieldError>
      </div>
    </>
  );
}

const view: TaskView<Input, Output, never, WorkerInput> = {
  defaultInput: { image: sampleImage('coffee.png'), labels: ['a cup of coffee', 'a cat', 'an astronaut', 'a bicycle'], template: DEFAULT_TEMPLATE },
  validate: (input) => {
    if (!input.image) return IMAGE_MISSING;
    if (input.labels.length === 0) return LABELS_MISSING;
    return templateProblem(input.template);
  },
  prepare: async (input) => ({ ...(await imagePayload(input.image)), labels: input.labels, template: input.template }),
  Input: Fields,
  Output: ({ output, input }) =>
    output ? (
      <div className="classification" data-testid="zero-shot-image-output">
        {input.image && <img className="thumb" src={input.image.url} alt="" />}
        <div style={{ flex: 1 }}>
          <ScoreBars items={output.scores} />
          <p className="muted small" data-testid="score-mode">
            {Math.abs(output.scores.reduce((sum, s) => sum + s.score, 0) - 1) < 0.01
              ? 'Scores shared out between the labels (they add up to 100%)'
              : 'Each label scored on its own (SigLIP-style)'}
            ; each label read as “{output.template}”.
          </p>
        </div>
      </div>
    ) : null,
};
export default view;
