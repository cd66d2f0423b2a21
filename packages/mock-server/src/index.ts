export type * from './wire-types.js';
export {
  createMockHandler,
  createMockServer,
  type MockHandler,
  type MockServer,
  type MockServerOptions,
} from './create-mock-server.js';
export {
  planResponse,
  type PlanOptions,
  type PlannedOutcome,
  type ResponsePlan,
} from './plan-response.js';
export { readRequest, type ReadRequestResult, type ResponseRequest } from './read-request.js';
export {
  mockScenarios,
  readScenario,
  magicWordsIn,
  type MockScenario,
  type ReadScenarioResult,
  type ScenarioDescription,
  type ScenarioName,
} from './read-scenario.js';
export { formatSseFrame } from './sse.js';
export {
  chunkBytes,
  chunkModes,
  guessFraming,
  type ChunkMode,
  type ChunkOptions,
  type RecordingFraming,
} from './chunk-bytes.js';
export { listFixtures, type FixtureEntry } from './replay-fixture.js';
export { defaultFixturesRoot } from './default-fixtures-root.js';
