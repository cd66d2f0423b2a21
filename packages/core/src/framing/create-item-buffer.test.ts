import { describe, expect, it } from 'vitest';
import { createItemBuffer } from './create-item-buffer.js';

describe('createItemBuffer', () => {
  it('gives each call its items in order, and an empty array when nothing came', () => {
    const buffer = createItemBuffer<number>();
    buffer.clear();
    expect(buffer.take()).toEqual([]);
    buffer.clear();
    buffer.emit(1);
    buffer.emit(2);
    buffer.emit(3);
    expect(buffer.take()).toEqual([1, 2, 3]);
  });

  it('hands out a fresh array per call, which a caller may change without touching the next', () => {
    const buffer = createItemBuffer<string>();
    const { emit } = buffer;
    buffer.clear();
    emit('a');
    const first = buffer.take();
    first.push('mine');
    buffer.clear();
    const empty = buffer.take();
    empty.push('also mine');
    buffer.clear();
    emit('b');
    const second = buffer.take();
    expect(first).toEqual(['a', 'mine']);
    expect(second).toEqual(['b']);
    expect(buffer.take()).toBe(second);
    buffer.clear();
    expect(buffer.take()).not.toBe(empty);
    expect(buffer.take()).toEqual([]);
  });
});
