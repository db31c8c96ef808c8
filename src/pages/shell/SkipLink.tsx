import type { MouseEvent } from 'react'

/** The shell's <main>: where the skip link takes the focus (on the log page, the log). */
export const MAIN_CONTENT_ID = 'main-content'

/**
 * The first Tab stop of every signed-in page, shown only while focused: past the header and the
 * navigation, straight to the page's content. The focus is moved by hand, not by the URL's hash,
 * so the router's location (and the log's filters in it) stay as they are.
 */
export function SkipLink({ label }: { label: string }) {
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    const main = document.getElementById(MAIN_CONTENT_ID)
    if (!main) return
    event.preventDefault()
    main.focus()
    main.scrollIntoView({ block: 'start' })
  }
  return (
    <a href={`#${MAIN_CONTENT_ID}`} className="kkm-skip-link" onClick={skip}>
      {label}
    </a>
  )
}
