/** Types for scripts/onnx-proto.mjs (imported by src/runtime/tiny-onnx.ts and the scripts). */
export interface Pb {
  chunks: Uint8Array[];
  length: number;
}
export type TensorData = Float32Array | BigInt64Array | Int32Array | Int8Array | Uint8Array | Uint16Array;
export declare const ELEM: { readonly FLOAT: 1; readonly UINT8: 2; readonly INT8: 3; readonly INT32: 6; readonly INT64: 7; readonly BOOL: 9; readonly FLOAT16: 10 };
export declare function cat(...parts: Pb[]): Pb;
export declare function int(field: number, value: number | bigint): Pb;
export declare function bytes(field: number, body: Uint8Array | Pb): Pb;
export declare function str(field: number, text: string): Pb;
export declare function float32(field: number, value: number): Pb;
export declare function toBytes(pb: Pb): Uint8Array;
export declare function tensor(name: string, dims: number[], data: TensorData): Pb;
export declare function elemTypeOf(data: TensorData): number;
export declare function externalTensor(name: string, dims: number[], elemType: number, where: { location: string; offset: number; length: number }): Pb;
export declare function valueInfo(name: string, elemType: number, shape: (number | string)[]): Pb;
export declare function attrInt(name: string, value: number): Pb;
export declare function attrFloat(name: string, value: number): Pb;
export declare function attrInts(name: string, values: number[]): Pb;
export declare function attrTensor(name: string, value: Pb): Pb;
export declare function node(op: string, inputs: string[], outputs: string[], attrs?: Pb[], domain?: string): Pb;
export declare function model(g: { name: string; nodes: Pb[]; initializers?: Pb[]; inputs: Pb[]; outputs: Pb[]; opsets?: Record<string, number>; producer?: string; producerVersion?: string }): Pb;
