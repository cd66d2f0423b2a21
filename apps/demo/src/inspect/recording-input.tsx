import { useId, useRef, useState, type DragEvent } from 'react';

/** Props of {@link RecordingInput}. */
export interface RecordingInputProps {
  text: string;
  onChange: (text: string) => void;
  /** The name of the file the text came from, if it came from one. */
  fileName: string | undefined;
  onFile: (name: string, text: string) => void;
}

/** The example a visitor can load with one click: the function call seed recording. */
const examplePath = 'seeds/openai-function-call.sse';

/**
 * Where a recording comes in: a text area to paste into, a file picker, a drop zone around both
 * (files dropped anywhere on it are read as text), and an example. Nothing leaves the browser.
 */
export function RecordingInput({ text, onChange, fileName, onFile }: RecordingInputProps) {
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [loadError, setLoadError] = useState<string | undefined>(undefined);

  const read = (file: File | undefined) => {
    if (file === undefined) return;
    setLoadError(undefined);
    file.text().then(
      (content) => onFile(file.name, content),
      (error: unknown) => setLoadError(`Could not read ${file.name}: ${String(error)}`),
    );
  };
  const loadExample = () => {
    setLoadError(undefined);
    fetch(`/fixtures/${examplePath}?chunk=whole`)
      .then(async (response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        onFile(examplePath, await response.text());
      })
      .catch((error: unknown) => setLoadError(`Could not load the example: ${String(error)}`));
  };
  const onDrop = (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    setDragging(false);
    read(event.dataTransfer.files[0]);
  };

  return (
    <section
      className="inspect-input"
      aria-labelledby={`${id}-title`}
      data-state={dragging ? 'dragging' : 'idle'}
      onDragOver={(event) => {
        // Without preventDefault the browser opens the dropped file instead.
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={onDrop}
    >
      <h2 id={`${id}-title`} className="inspect-input-title">
        Your recording
      </h2>
      <label htmlFor={`${id}-text`}>
        Paste a recorded stream (SSE, or one JSON event per line), or drop a file here
      </label>
      <textarea
        id={`${id}-text`}
        value={text}
        onChange={(event) => onChange(event.currentTarget.value)}
        spellCheck={false}
        autoComplete="off"
        rows={8}
        placeholder={'event: response.created\ndata: {"type":"response.created","response":{…}}'}
      />
      <div className="inspect-actions">
        <button type="button" onClick={() => fileInput.current?.click()}>
          Choose a file…
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".sse,.ndjson,.jsonl,.txt,.json,text/*"
          hidden
          aria-label="Recording file"
          onChange={(event) => {
            read(event.currentTarget.files?.[0]);
            // The same file chosen again after an edit is read again.
            event.currentTarget.value = '';
          }}
        />
        <button type="button" onClick={loadExample}>
          Load an example
        </button>
        <button type="button" onClick={() => onChange('')} disabled={text === ''}>
          Clear
        </button>
        {fileName !== undefined && <span className="inspect-file">{fileName}</span>}
      </div>
      {loadError !== undefined && (
        <p className="inspect-error" role="alert">
          {loadError}
        </p>
      )}
    </section>
  );
}
