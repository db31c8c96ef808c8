/**
 * A `window.matchMedia` for jsdom, which has none and lays nothing out: each query is answered by
 * `matches`. Mantine reads the list's listeners, which never fire here.
 */
export function answeringMediaQueries(
  matches: (query: string) => boolean,
): typeof window.matchMedia {
  return (query: string) =>
    ({
      matches: matches(query),
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList
}
