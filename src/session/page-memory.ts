// The page's own memory figure. performance.measureUserAgentSpecificMemory() exists only where the page is
// cross-origin isolated (https://developer.mozilla.org/docs/Web/API/Performance/measureUserAgentSpecificMemory),
// and Chromium answers it at the next garbage collection, which may be many seconds away: callers never wait on it.

type MemoryMeasurement = { bytes: number };
type MeasuringPerformance = Performance & { measureUserAgentSpecificMemory?: () => Promise<MemoryMeasurement> };

export function measurePageMemory(): Promise<number | undefined> {
  const perf = globalThis.performance as MeasuringPerformance | undefined;
  if (!globalThis.crossOriginIsolated || typeof perf?.measureUserAgentSpecificMemory !== 'function') return Promise.resolve(undefined);
  return perf.measureUserAgentSpecificMemory().then(
    (result) => result.bytes,
    () => undefined,
  );
}
