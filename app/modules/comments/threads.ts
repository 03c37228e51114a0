/** Thread keys shared by server and browser (a `.server` module is empty in the browser bundle). */

/** The thread of comments on the whole draft, as opposed to a block id. */
export const GENERAL = "general";
