import { buildDemo } from '../server/start-demo-server.js';

// One production build for every browser test file: the tests drive what a user would deploy.
export default async function setup(): Promise<void> {
  await buildDemo();
}
