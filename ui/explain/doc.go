// Package explain renders explain mode: how the token on screen is built, what each of its
// header parameters and claims means (with its RFC section), its times as dates, relative
// times and lifetime, and — for the headline problem — why it happens and how to fix it.
//
// Render is a pure function of the report, the time and the width. Model wraps it in a
// scrolling viewport and renders again only when one of those three changes, so explain
// mode costs nothing on keystrokes that do not change the token.
package explain
