import type { TaskView } from '../types';
import { imageInputView } from '../shared/image-view';
import type { Input, Output, WorkerInput } from './types';
import '../shared/vision.css';

const view: TaskView<Input, Output, never, WorkerInput> = {
  ...imageInputView,
  Output: ({ output, input }) =>
    output ? (
      <div className="classification">
        {input && <img className="thumb" src={input.url} alt="" />}
        <figure style={{ margin: 0, flex: 1 }}>
          <p className="caption-text" data-testid="caption">
            {output.text || <span className="muted">(the model produced an empty caption)</span>}
          </p>
          <figcaption className="muted small">Caption written by the model; it can be wrong.</figcaption>
        </figure>
      </div>
    ) : null,
};
export default view;
