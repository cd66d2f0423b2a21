import './test-support/same-react.js';
import { createRequire } from 'node:module';
import { renderHook } from '@testing-library/react';
import { version } from 'react';
import { describe, expect, it } from 'vitest';
import { useResponseStream } from './use-response-stream.js';

describe('the test projects', () => {
  it('run each against its own React, rendered by the react-dom of the same version', ({
    task,
  }) => {
    expect(version.split('.')[0]).toBe(task.file.projectName === 'react-18' ? '18' : '19');
    const require = createRequire(import.meta.url);
    expect((require('react-dom') as { version: string }).version).toBe(version);
    const { result } = renderHook(() => useResponseStream());
    expect(result.current.state.status).toBe('idle');
  });
});
