import type { TaskView } from '../types';
import type { Input, Output, WorkerInput } from './types';
import { ScoreBars, type Scored } from '../../ui/kit/ScoreBars/ScoreBars';
import { imageInputView } from '../shared/image-view';
import { ImageOrCamera } from '../shared/ImageOrCamera';
import { DownloadPngButton } from '../shared/DownloadPngButton';
import { canvasWithImage, drawLabelBanner, exportName } from '../shared/draw';

const view: TaskView<Input, Output, never, WorkerInput> = {
  ...imageInputView,
  Input: (props) => (
    <ImageOrCamera<Scored[]>
      {...props}
      draw={(ctx, output, width) => drawLabelBanner(ctx, output, width)}
      summary={(output) => <ScoreBars items={output.slice(0, 3)} testId="camera-scores" />}
    />
  ),
  Output: ({ output, input }) =>
    output ? (
      <div className="classification">
        {input && <img className="thumb" src={input.url} alt="" crossOrigin={input.kind === 'url' ? 'anonymous' : undefined} />}
        <div style={{ flex: 1, display: 'grid', gap: '0.5rem' }}>
          <ScoreBars items={output} />
          {input && (
            <DownloadPngButton
              filename={exportName(input.name, 'labels')}
              render={async () => {
                const { canvas, ctx } = await canvasWithImage(input.url);
                drawLabelBanner(ctx, output, canvas.width);
                return canvas;
              }}
            />
          )}
        </div>
      </div>
    ) : null,
};
export default view;
