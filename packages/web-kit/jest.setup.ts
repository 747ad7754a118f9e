// What jsdom lacks and Ant Design's responsive pieces ask for.
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  }),
});
class NoResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= NoResizeObserver;
// Ant Design's forms schedule their work through a MessageChannel, which jsdom does not provide; a
// timer-backed one keeps the order of messages and lets the test process end.
class TimerMessageChannel {
  port1: { onmessage: ((e: { data: unknown }) => void) | null; postMessage: (data: unknown) => void; close: () => void };
  port2: { onmessage: ((e: { data: unknown }) => void) | null; postMessage: (data: unknown) => void; close: () => void };
  constructor() {
    const port = () => ({ onmessage: null as ((e: { data: unknown }) => void) | null, postMessage: (_data: unknown) => undefined as void, close: () => undefined as void });
    this.port1 = port();
    this.port2 = port();
    this.port1.postMessage = (data) => void setTimeout(() => this.port2.onmessage?.({ data }), 0);
    this.port2.postMessage = (data) => void setTimeout(() => this.port1.onmessage?.({ data }), 0);
  }
}
(globalThis as unknown as { MessageChannel: unknown }).MessageChannel ??= TimerMessageChannel;
// `findBy…` and `waitFor` wait up to 1 s by default; a loaded CI machine renders Ant Design's tables
// slower than that, so they wait up to 15 s (a passing test still ends as soon as its element shows).
// eslint-disable-next-line @typescript-eslint/no-require-imports
require('@testing-library/dom').configure({ asyncUtilTimeout: 15_000 });
// Ant Design's dialogs measure the scroll bar with getComputedStyle(element, '::-webkit-scrollbar'):
// jsdom has no pseudo-elements (and says so on every dialog), so the element's own style answers.
const computedStyle = window.getComputedStyle.bind(window);
window.getComputedStyle = (element: Element) => computedStyle(element);
