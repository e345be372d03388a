import { afterAll, beforeAll } from 'vitest';
import { EsdbNode, singleNodeSettings, temporaryDataDirectory } from './esdb-node.js';
import { serverBinary, warnSkipped } from './esdb-server.js';

/**
 * For a test file that needs a server process of its own: the vendored server's executable,
 * or the loud reason it cannot run here (then the file registers its tests as skipped).
 */
export const ownServer = (what: string): { bin: string } | { skip: string } => {
  const binary = serverBinary();
  if (binary.kind === 'binary') return { bin: binary.bin };
  warnSkipped(what, binary.reason);
  return { skip: binary.reason };
};

/**
 * A single durable node (data in a temporary folder) started before the file's tests and
 * stopped (and its data removed) after them, also when they fail. `node()` is the running node.
 */
export const useSingleNode = (bin: string): (() => EsdbNode) => {
  let node: EsdbNode | undefined;
  beforeAll(async () => {
    node = new EsdbNode(await singleNodeSettings(bin, temporaryDataDirectory('single')));
    await node.start();
  }, 240_000);
  afterAll(async () => {
    if (node === undefined) return;
    await node.stop();
    node.removeData();
  }, 60_000);
  return () => {
    if (node === undefined) throw new Error('the node has not started');
    return node;
  };
};
